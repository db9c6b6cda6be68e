-- Certificates and test reports an alliance issues, each alliance's Ed25519 signing key, the signed trail of
-- status changes (the status on any date is read from it; EXPIRED follows from valid_until), and the expiry
-- reminders already sent (once per certificate and threshold).
create table certification_key (
    alliance_id bigint primary key,
    algorithm varchar(20) not null default 'Ed25519',
    public_key bytea not null,
    private_key bytea not null,
    created_at timestamptz not null default now()
);

create table certification_certificate (
    id bigserial primary key,
    number varchar(60) not null unique,
    alliance_id bigint not null,
    kind varchar(30) not null,
    holder_organization_id bigint not null,
    holder_name varchar(300) not null,
    product varchar(200),
    subject varchar(300) not null,
    standard_number varchar(60),
    scope text not null,
    issued_on date not null,
    valid_until date not null,
    issuer varchar(300) not null,
    signature bytea not null,
    -- over the signature above, the content and every status change: renewed at each change, checked at each read
    state_signature bytea not null,
    demo boolean not null default false,
    version int not null default 0,
    created_by bigint,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index certification_certificate_alliance on certification_certificate (alliance_id, id);
create index certification_certificate_holder on certification_certificate (holder_organization_id, issued_on);
create index certification_certificate_expiry on certification_certificate (valid_until);

create table certification_status_change (
    id bigserial primary key,
    certificate_id bigint not null references certification_certificate (id),
    seq int not null,
    status varchar(12) not null,
    effective_on date not null,
    reason varchar(500) not null,
    changed_by varchar(200) not null,
    changed_at timestamptz not null default now(),
    signature bytea not null,
    unique (certificate_id, seq)
);

create table certification_reminder (
    certificate_id bigint not null references certification_certificate (id),
    threshold_days int not null,
    sent_at timestamptz not null default now(),
    primary key (certificate_id, threshold_days)
);

-- the serial part of generated certificate numbers (ALLIANCE-KIND-YEAR-000001)
create sequence certification_number_seq;
