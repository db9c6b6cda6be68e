-- Technology demands (技术需求) and research achievements (科技成果), the interest one side expresses in a
-- match, the other side's decision, and the transfer an accepted match records. Matches are computed, never stored.
create table transfer_demand (
    id bigserial primary key,
    alliance_id bigint not null,
    organization_id bigint not null,
    title varchar(300) not null,
    description text not null,
    field varchar(40) not null,
    region varchar(12) not null,
    visibility varchar(10) not null default 'PUBLIC',
    budget numeric(14, 2),
    deadline date,
    demo boolean not null default false,
    created_by bigint,
    created_at timestamptz not null default now()
);
create index transfer_demand_alliance on transfer_demand (alliance_id);

create table transfer_achievement (
    id bigserial primary key,
    alliance_id bigint not null,
    organization_id bigint not null,
    title varchar(300) not null,
    description text not null,
    field varchar(40) not null,
    region varchar(12) not null,
    visibility varchar(10) not null default 'PUBLIC',
    maturity int not null check (maturity between 1 and 9),
    ip_status varchar(20) not null,
    patent_number varchar(60),
    transfer_modes varchar(120) not null,
    terms text,
    project_id bigint,
    demo boolean not null default false,
    created_by bigint,
    created_at timestamptz not null default now()
);
create index transfer_achievement_alliance on transfer_achievement (alliance_id);

create table transfer_interest (
    id bigserial primary key,
    demand_id bigint not null references transfer_demand (id),
    achievement_id bigint not null references transfer_achievement (id),
    organization_id bigint not null,
    status varchar(10) not null default 'PENDING',
    reason varchar(20),
    expressed_by bigint,
    decided_by bigint,
    created_at timestamptz not null default now(),
    decided_at timestamptz
);
create unique index transfer_interest_open on transfer_interest (demand_id, achievement_id) where status <> 'DECLINED';

create table transfer_record (
    id bigserial primary key,
    interest_id bigint not null unique references transfer_interest (id),
    contract_type varchar(20) not null,
    amount numeric(14, 2),
    signed_on date not null,
    recorded_by bigint,
    created_at timestamptz not null default now()
);
