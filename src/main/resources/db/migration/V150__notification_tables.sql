-- The notifications of the workbench's waiting work: one row per user and piece of work (its stable ref),
-- made once when the work first appears; read when the user has seen it, mailed when it went out by e-mail.
create table notification (
    id         bigserial primary key,
    user_id    bigint      not null,
    ref        text        not null,
    kind       text        not null,
    alliance_id bigint     not null,
    label      text        not null,
    args       text[]      not null default '{}',
    url        text        not null,
    due        timestamptz,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    mailed_at  timestamptz,
    unique (user_id, ref)
);
create index notification_unread on notification (user_id) where read_at is null;

-- Which kinds of notification a user also receives by e-mail: at once, or in the daily digest (none by default).
create table notification_setting (
    user_id bigint not null,
    kind    text   not null,
    mode    text   not null check (mode in ('IMMEDIATE', 'DAILY')),
    primary key (user_id, kind)
);
