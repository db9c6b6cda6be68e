-- EarlyEmbeddedDatabaseTests: a migration that cannot end before the test creates the schema "released"
-- (each statement of the loop sees what other transactions committed meanwhile)
do $$
begin
	while not exists (select 1 from pg_namespace where nspname = 'released') loop
		perform pg_sleep(0.05);
	end loop;
end
$$;
create table held_thing (id int);
