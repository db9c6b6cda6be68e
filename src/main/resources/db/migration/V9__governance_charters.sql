-- Charter rules per alliance (章程): the minimum quorum per meeting kind and the minimum majority per motion type.
-- Without a row the built-in defaults of org.alliancehub.governance.Charter apply.
create table charter (
    alliance_id            bigint      primary key references alliance (id),
    max_proxies_per_holder int         not null default 1 check (max_proxies_per_holder between 0 and 10),
    version                bigint      not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

create table charter_quorum (
    alliance_id  bigint        not null references charter (alliance_id) on delete cascade,
    meeting_kind text          not null check (meeting_kind in ('COUNCIL', 'GENERAL_ASSEMBLY', 'SECRETARIAT')),
    quorum       numeric(5, 4) not null check (quorum >= 0 and quorum <= 1),
    primary key (alliance_id, meeting_kind)
);

create table charter_majority (
    alliance_id bigint not null references charter (alliance_id) on delete cascade,
    motion_type text   not null,
    majority    text   not null check (majority in ('SIMPLE', 'TWO_THIRDS', 'THREE_QUARTERS', 'ABSOLUTE')),
    primary key (alliance_id, motion_type)
);

-- Motions get a type, the stricter three-quarters majority, and may stand without a meeting: a
-- correspondence vote (通讯表决) of an alliance's council or general assembly, open until its deadline.
alter table motion drop constraint motion_majority_check;
alter table motion add constraint motion_majority_check
    check (majority in ('SIMPLE', 'TWO_THIRDS', 'THREE_QUARTERS', 'ABSOLUTE'));
alter table motion add column type text not null default 'ORDINARY';
alter table motion add column alliance_id bigint references alliance (id);
update motion m set alliance_id = (select alliance_id from meeting where id = m.meeting_id);
alter table motion alter column alliance_id set not null;
alter table motion alter column meeting_id drop not null;
alter table motion add column electorate text check (electorate in ('COUNCIL', 'GENERAL_ASSEMBLY'));
alter table motion add column deadline timestamptz;
alter table motion add constraint motion_meeting_or_correspondence
    check ((meeting_id is not null and electorate is null and deadline is null)
        or (meeting_id is null and electorate is not null and deadline is not null));
create index motion_correspondence on motion (alliance_id, id) where meeting_id is null;
create index motion_deadline on motion (deadline) where status = 'OPEN' and deadline is not null;

-- The voters of a correspondence vote, fixed from the membership roles when it is put.
create table motion_voter (
    motion_id       bigint not null references motion (id) on delete cascade,
    organization_id bigint not null references organization (id),
    primary key (motion_id, organization_id)
);

-- The drafting organisations of a group standard, who do not vote on it.
create table motion_drafter (
    motion_id       bigint not null references motion (id) on delete cascade,
    organization_id bigint not null references organization (id),
    primary key (motion_id, organization_id)
);

-- Written proxies (委托书): at a meeting, an organisation gives its vote to another one.
create table proxy (
    meeting_id      bigint      not null references meeting (id) on delete cascade,
    grantor_id      bigint      not null references organization (id),
    holder_id       bigint      not null references organization (id),
    document        text,
    created_at      timestamptz not null default now(),
    primary key (meeting_id, grantor_id),
    check (grantor_id <> holder_id)
);
create index proxy_holder on proxy (meeting_id, holder_id);

-- Who cast a vote given by proxy: the holder's organisation.
alter table vote add column proxy_holder_id bigint references organization (id);
