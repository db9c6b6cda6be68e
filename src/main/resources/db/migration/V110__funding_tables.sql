-- The network's funding plan for a year (经费): sources with planned amounts, contributions due per payer,
-- payments received (recorded by the network, no gateway), the governance decisions on the plan, and the
-- reminders sent, one row per payer and round so that a round is never sent twice.
create table funding_plan (
    id          bigserial primary key,
    alliance_id bigint      not null, -- the network
    year        int         not null check (year between 2000 and 2100),
    title       text        not null,
    status      text        not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED')),
    motion_id   bigint,
    approved_at timestamptz,
    demo        boolean     not null default false,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table funding_source (
    id       bigserial primary key,
    plan_id  bigint         not null references funding_plan (id) on delete cascade,
    kind     text           not null,
    planned  numeric(14, 2) not null check (planned >= 0),
    note     text,
    unique (plan_id, kind)
);

-- a payer is an alliance (alliance_id set) or an organisation; organization_id is who acts for the payer: the
-- organisation itself, or the one that stands for the alliance in the network
create table funding_contribution (
    id              bigserial primary key,
    plan_id         bigint         not null references funding_plan (id) on delete cascade,
    alliance_id     bigint,
    organization_id bigint         not null,
    source          text           not null,
    amount          numeric(14, 2) not null check (amount > 0),
    due_on          date           not null,
    unique (plan_id, organization_id)
);

create table funding_payment (
    id              bigserial primary key,
    plan_id         bigint         not null references funding_plan (id) on delete cascade,
    contribution_id bigint         not null references funding_contribution (id) on delete cascade,
    amount          numeric(14, 2) not null check (amount > 0),
    paid_on         date           not null,
    reference       text           not null,
    note            text,
    recorded_by     text,
    created_at      timestamptz    not null default now(),
    unique (plan_id, reference)
);
create index funding_payment_contribution on funding_payment (contribution_id);

create table funding_decision (
    plan_id    bigint      not null references funding_plan (id) on delete cascade,
    motion_id  bigint      not null,
    outcome    text        not null,
    decided_at timestamptz not null default now(),
    primary key (plan_id, motion_id)
);

create table funding_reminder (
    contribution_id bigint      not null references funding_contribution (id) on delete cascade,
    round           int         not null,
    outstanding     numeric(14, 2) not null,
    recipients      int         not null,
    sent_at         timestamptz not null default now(),
    primary key (contribution_id, round)
);
