-- Names and words that stand for each other in searches (applied at query time, no rebuild needed).
-- alliance_id: the alliance whose secretariat added the group and may remove it; null for the
-- installation's own list, which only the network administrator manages.
create table search_synonym (
    id          bigserial primary key,
    alliance_id bigint      references alliance (id) on delete cascade,
    names       text[]      not null,
    created_at  timestamptz not null default now()
);

insert into search_synonym (names) values
    ('{涤纶,聚酯纤维}'),
    ('{协发网,联盟协发网,联盟协同发展网,产业技术创新战略联盟协同发展网}'),
    ('{氨纶,聚氨酯纤维}'),
    ('{锦纶,尼龙,聚酰胺纤维}'),
    ('{腈纶,聚丙烯腈纤维}'),
    ('{丙纶,聚丙烯纤维}'),
    ('{维纶,聚乙烯醇纤维}'),
    ('{led,发光二极管}'),
    ('{光伏,太阳能电池}'),
    ('{新能源汽车,电动汽车}'),
    ('{产学研,产学研用}');
