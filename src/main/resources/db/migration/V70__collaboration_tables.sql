-- Collaboration (issue 11, items 1-3): joint projects, agreements and demonstration bases, shared resources.
-- The module owns every table named collab_*; organisations and alliances are referred to by id only.

create extension if not exists btree_gist;

create table collab_project (
    id bigserial primary key,
    alliance_id bigint not null,
    title text not null,
    summary text,
    field text,
    lead_organization_id bigint not null,
    starts_on date,
    ends_on date,
    status text not null default 'PROPOSED' check (status in ('PROPOSED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'MEMBERS', 'PARTICIPANTS')),
    budget_enterprise numeric(14, 2) not null default 0,
    budget_government numeric(14, 2) not null default 0,
    budget_finance numeric(14, 2) not null default 0,
    budget_other numeric(14, 2) not null default 0,
    demo boolean not null default false,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index collab_project_by_alliance on collab_project (alliance_id, status);

-- the other alliances a network project is run with
create table collab_project_alliance (
    project_id bigint not null references collab_project on delete cascade,
    alliance_id bigint not null,
    primary key (project_id, alliance_id)
);

-- an organisation takes part only once its own representative (or the administrator) has accepted
create table collab_project_participant (
    project_id bigint not null references collab_project on delete cascade,
    organization_id bigint not null,
    role text not null check (role in ('LEAD', 'PARTNER')),
    status text not null check (status in ('INVITED', 'ACCEPTED', 'DECLINED')),
    invited_at timestamptz not null default now(),
    answered_at timestamptz,
    primary key (project_id, organization_id)
);
create index collab_participant_org on collab_project_participant (organization_id);

create table collab_milestone (
    id bigserial primary key,
    project_id bigint not null references collab_project on delete cascade,
    work_package text not null,
    title text not null,
    due_on date not null,
    status text not null default 'PLANNED' check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED')),
    deliverable_filename text,
    deliverable_content_type text,
    deliverable_size bigint,
    deliverable_sha256 text,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index collab_milestone_project on collab_milestone (project_id, due_on);

create table collab_progress_report (
    id bigserial primary key,
    milestone_id bigint not null references collab_milestone on delete cascade,
    organization_id bigint,
    author_user_id bigint not null,
    body text not null,
    created_at timestamptz not null default now()
);

create table collab_agreement (
    id bigserial primary key,
    alliance_id bigint not null,
    title text not null,
    subject text,
    signed_on date,
    signed_place text,
    outcomes text,
    visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'MEMBERS')),
    document_filename text,
    document_content_type text,
    document_size bigint,
    document_sha256 text,
    demo boolean not null default false,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index collab_agreement_alliance on collab_agreement (alliance_id, signed_on);

create table collab_agreement_party (
    agreement_id bigint not null references collab_agreement on delete cascade,
    position int not null,
    kind text not null check (kind in ('ORGANIZATION', 'ALLIANCE', 'OUTSIDE_BODY')),
    organization_id bigint,
    party_alliance_id bigint,
    name text not null,
    primary key (agreement_id, position)
);

create table collab_base (
    id bigserial primary key,
    alliance_id bigint not null,
    name text not null,
    host_organization_id bigint not null,
    region_code text,
    focus text,
    agreement_id bigint references collab_agreement on delete set null,
    status text not null default 'PLANNED' check (status in ('PLANNED', 'ACTIVE', 'CLOSED')),
    demo boolean not null default false,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index collab_base_alliance on collab_base (alliance_id);

create table collab_resource (
    id bigserial primary key,
    alliance_id bigint not null,
    organization_id bigint not null,
    kind text not null check (kind in ('EXPERT', 'EQUIPMENT', 'FUND', 'TALENT')),
    name text not null,
    description text,
    fields text,
    person_title text,
    location text,
    capabilities text,
    conditions text,
    visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'MEMBERS')),
    demo boolean not null default false,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index collab_resource_alliance on collab_resource (alliance_id, kind);

-- A request for a resource over a period of days. For equipment the request holds the calendar while it is
-- pending or approved: the exclusion constraint refuses an overlapping one, whichever transaction comes second,
-- so concurrent requests cannot both get in.
create table collab_resource_request (
    id bigserial primary key,
    resource_id bigint not null references collab_resource on delete cascade,
    organization_id bigint not null,
    requested_by bigint not null,
    period daterange not null,
    purpose text not null,
    books_calendar boolean not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    reason text,
    decided_by bigint,
    decided_at timestamptz,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint collab_equipment_calendar exclude using gist (resource_id with =, period with &&)
        where (books_calendar and status in ('PENDING', 'APPROVED'))
);
create index collab_request_resource on collab_resource_request (resource_id, status);
