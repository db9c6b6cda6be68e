create table app_user (
    id            bigserial primary key,
    username      text        not null unique,
    display_name  text        not null,
    email         text,
    password_hash text        not null,
    enabled       boolean     not null default true,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- A user's roles: NETWORK_ADMIN, SECRETARIAT of an alliance, MEMBER_REP of an organisation.
create table user_role (
    id              bigserial primary key,
    user_id         bigint not null references app_user (id) on delete cascade,
    role            text   not null check (role in ('NETWORK_ADMIN', 'SECRETARIAT', 'MEMBER_REP')),
    alliance_id     bigint references alliance (id),
    organization_id bigint references organization (id),
    check ((role = 'SECRETARIAT') = (alliance_id is not null)),
    check ((role = 'MEMBER_REP') = (organization_id is not null))
);
create index user_role_user on user_role (user_id);

-- Bearer tokens are stored only as SHA-256 hashes: a leaked table gives no usable token.
create table api_token (
    token_hash text primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
create index api_token_expiry on api_token (expires_at);
