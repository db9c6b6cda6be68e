-- An organisation belongs to itself. The alliance that registered it (null: the network administrator)
-- may take it in directly and name its first representative; any other alliance invites it.
alter table organization add column registered_by_alliance_id bigint references alliance (id);
-- The organisation that stands for an alliance in the network is that alliance's own.
update organization set registered_by_alliance_id = represents_alliance_id where represents_alliance_id is not null;

-- An alliance's invitation to an organisation that exists elsewhere: no membership (and no access) until
-- the organisation's representative (or the network administrator on its behalf) accepts it.
create table membership_invitation (
    id              bigserial primary key,
    alliance_id     bigint      not null references alliance (id),
    organization_id bigint      not null references organization (id),
    role            text        not null,
    since           date,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    invited_by      text        not null,
    decided_by      text,
    decided_at      timestamptz,
    created_at      timestamptz not null default now()
);
create unique index membership_invitation_open on membership_invitation (alliance_id, organization_id)
    where status = 'PENDING';
create index membership_invitation_organization on membership_invitation (organization_id, id desc);
