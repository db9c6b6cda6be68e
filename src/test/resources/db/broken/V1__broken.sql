-- EarlyEmbeddedDatabaseTests: a migration that fails
create tabel broken (id int);
