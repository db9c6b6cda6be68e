create table article (
    id           bigserial primary key,
    alliance_id  bigint      not null references alliance (id),
    title        text        not null,
    category     text        not null,
    source       text,
    author       text,
    published_at timestamptz not null,
    tags         text[]      not null default '{}',
    body         text        not null,
    status       text        not null default 'DRAFT',
    visibility   text        not null default 'PUBLIC',
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index article_listing on article (alliance_id, status, category, published_at desc, id desc);
create index article_recent on article (status, visibility, published_at desc, id desc);
create index article_tags on article using gin (tags);

create table attachment (
    id           bigserial primary key,
    article_id   bigint      not null references article (id) on delete cascade,
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    created_at   timestamptz not null default now()
);
create index attachment_article on attachment (article_id);

create table briefing (
    id           bigserial primary key,
    alliance_id  bigint      not null references alliance (id),
    issue_number int         not null check (issue_number > 0),
    title        text        not null,
    published_on date        not null,
    body         text        not null,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    unique (alliance_id, issue_number)
);

create table link (
    id          bigserial primary key,
    alliance_id bigint      not null references alliance (id),
    name        text        not null,
    url         text        not null,
    position    int         not null default 0,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index link_alliance on link (alliance_id, position);

create table event (
    id          bigserial primary key,
    alliance_id bigint      not null references alliance (id),
    title       text        not null,
    starts_on   date        not null,
    ends_on     date,
    location    text,
    description text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index event_alliance on event (alliance_id, starts_on desc);
