-- Member-import previews (upload -> preview -> confirm or cancel), shared by every node behind the load balancer:
-- the parsed rows as JSON, for the user who uploaded them and the alliance they were read for. Confirm and cancel
-- delete the row; a scheduled job (ShedLock) prunes what is older than a day.
create table membership_import_preview (
    token          uuid primary key,
    alliance_id    bigint      not null references alliance (id) on delete cascade,
    owner_username text        not null,
    created_at     timestamptz not null,
    preview        jsonb       not null
);
create index membership_import_preview_created on membership_import_preview (created_at);
