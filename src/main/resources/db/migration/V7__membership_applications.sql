-- Applications to join an alliance (or an alliance's application to join the network).
create table membership_application (
    id              bigserial primary key,
    alliance_id     bigint      not null references alliance (id),
    organization_id bigint      not null references organization (id),
    role            text        not null default 'MEMBER',
    statement       text,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'REFERRED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_at      timestamptz,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index membership_application_open on membership_application (alliance_id, organization_id)
    where status in ('PENDING', 'REFERRED');

-- A motion may carry an effect: admitting an applicant when it is adopted.
alter table motion add column admits_application_id bigint references membership_application (id);
