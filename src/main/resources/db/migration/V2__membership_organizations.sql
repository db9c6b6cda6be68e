-- Organisations (成员单位). An alliance is represented in the network by an organisation of its own
-- (represents_alliance_id), so that one membership mechanism serves both levels.
create table organization (
    id                     bigserial primary key,
    name                   text        not null,
    type                   text        not null,
    region                 text,
    website                text,
    profile                text,
    represents_alliance_id bigint unique references alliance (id),
    version                bigint      not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create unique index organization_name on organization (name);

create table product (
    id              bigserial primary key,
    organization_id bigint not null references organization (id) on delete cascade,
    position        int    not null,
    name            text   not null,
    description     text
);
create index product_organization on product (organization_id, position);

create table membership (
    id              bigserial primary key,
    alliance_id     bigint      not null references alliance (id),
    organization_id bigint      not null references organization (id),
    role            text        not null,
    status          text        not null default 'ACTIVE',
    since           date,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (alliance_id, organization_id)
);
create index membership_organization on membership (organization_id);
