-- Who did what, when: one row per domain event, written in the same transaction as the change itself.
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    alliance_id bigint,
    subject     text        not null,
    summary     text        not null
);
create index audit_entry_alliance on audit_entry (alliance_id, at desc);
create index audit_entry_at on audit_entry (at desc);
