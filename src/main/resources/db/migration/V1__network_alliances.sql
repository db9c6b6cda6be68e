-- An alliance, or the network itself (kind NETWORK, exactly one): the bodies whose members organisations are.
create table alliance (
    id          bigserial primary key,
    slug        text        not null unique,
    kind        text        not null default 'ALLIANCE' check (kind in ('NETWORK', 'ALLIANCE')),
    name        text        not null,
    short_name  text,
    industry    text,
    founded_on  date,
    region      text,
    description text,
    about       text,
    phone       text,
    fax         text,
    email       text,
    address     text,
    postcode    text,
    icp         text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index alliance_one_network on alliance (kind) where kind = 'NETWORK';
