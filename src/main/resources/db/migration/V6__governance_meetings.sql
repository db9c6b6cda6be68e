-- Meetings of an alliance (or of the network, whose members are alliances), their agenda and participants.
create table meeting (
    id          bigserial primary key,
    alliance_id bigint      not null references alliance (id),
    kind        text        not null,
    term        int         not null check (term > 0),
    session     int         not null check (session > 0),
    title       text        not null,
    starts_at   timestamptz not null,
    mode        text        not null,
    location    text,
    online_url  text,
    version     bigint      not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index meeting_alliance on meeting (alliance_id, starts_at desc);

create table agenda_item (
    id         bigserial primary key,
    meeting_id bigint not null references meeting (id) on delete cascade,
    position   int    not null,
    title      text   not null,
    kind       text   not null
);

-- Who takes part: derived from membership roles when the meeting is created; VOTING or OBSERVER (列席).
create table participant (
    meeting_id      bigint  not null references meeting (id) on delete cascade,
    organization_id bigint  not null references organization (id),
    role            text    not null check (role in ('VOTING', 'OBSERVER')),
    present         boolean not null default false,
    primary key (meeting_id, organization_id)
);

create table motion (
    id         bigserial primary key,
    meeting_id bigint        not null references meeting (id) on delete cascade,
    title      text          not null,
    text       text,
    ballot     text          not null check (ballot in ('OPEN', 'SECRET')),
    majority   text          not null check (majority in ('SIMPLE', 'TWO_THIRDS', 'ABSOLUTE')),
    quorum     numeric(5, 4) not null check (quorum >= 0 and quorum <= 1),
    status     text          not null default 'DRAFT',
    outcome    text,
    eligible   int,
    present    int,
    opened_at  timestamptz,
    closed_at  timestamptz,
    version    bigint        not null default 0,
    created_at timestamptz   not null default now()
);
create index motion_meeting on motion (meeting_id, id);

-- One vote per organisation and motion: the primary key refuses a second one, however concurrent.
create table vote (
    motion_id       bigint      not null references motion (id) on delete cascade,
    organization_id bigint      not null references organization (id),
    choice          text        not null check (choice in ('YES', 'NO', 'ABSTAIN')),
    receipt_hash    text        not null unique,
    cast_at         timestamptz not null default now(),
    primary key (motion_id, organization_id)
);

-- The hash chain anyone can recompute the totals from; secret ballots carry no organisation.
create table ballot_log (
    motion_id  bigint not null references motion (id) on delete cascade,
    seq        int    not null,
    payload    text   not null,
    prev_hash  text   not null,
    entry_hash text   not null,
    primary key (motion_id, seq)
);
