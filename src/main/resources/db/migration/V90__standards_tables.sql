-- Standards (issue 12, item 1): group standards (团体标准) from proposal to publication, with their drafts,
-- public comments and their dispositions, expert reviews and the trail of every change of stage.
-- The module owns every table named standards_*; alliances, organisations, projects and motions by id only.

create table standards_standard (
    id bigserial primary key,
    alliance_id bigint not null,
    title text not null,
    scope text not null,
    reasons text not null,
    project_id bigint,
    stage text not null default 'PROPOSED' check (stage in ('PROPOSED', 'APPROVED_TO_START', 'DRAFTING', 'COMMENT',
        'REVIEW', 'VOTE', 'PUBLISHED', 'AMENDED', 'REVISED', 'WITHDRAWN')),
    start_motion_id bigint,
    approval_motion_id bigint,
    approval_adopted boolean not null default false,
    comment_from date,
    comment_to date,
    comment_reminded_at timestamptz,
    number text unique,
    issued_on date,
    effective_on date,
    final_filename text,
    final_content_type text,
    final_size bigint,
    final_sha256 text,
    demo boolean not null default false,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index standards_standard_by_alliance on standards_standard (alliance_id, stage);
create index standards_standard_by_project on standards_standard (project_id) where project_id is not null;
create index standards_standard_by_motion on standards_standard (start_motion_id, approval_motion_id);

-- the organisations that propose the standard, members of its alliance
create table standards_proposer (
    standard_id bigint not null references standards_standard on delete cascade,
    organization_id bigint not null,
    primary key (standard_id, organization_id)
);

-- the drafting group: units (organisations) and experts by name
create table standards_drafter (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    organization_id bigint,
    expert_name text,
    expert_affiliation text,
    created_at timestamptz not null default now(),
    check ((organization_id is null) <> (expert_name is null))
);
create unique index standards_drafter_once on standards_drafter (standard_id, organization_id) where organization_id is not null;

create table standards_draft (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    version int not null,
    note text,
    body text,
    filename text,
    content_type text,
    size_bytes bigint,
    sha256 text,
    created_by bigint,
    created_at timestamptz not null default now(),
    unique (standard_id, version)
);

-- public comments, by anyone; contact is for the secretariat only
create table standards_comment (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    draft_version int,
    clause text not null,
    text text not null,
    name text not null,
    organization text not null,
    contact text not null,
    disposition text check (disposition in ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED')),
    reason text,
    disposed_at timestamptz,
    version bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index standards_comment_by_standard on standards_comment (standard_id, id);

create table standards_review (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    reviewer text not null,
    affiliation text,
    conclusion text not null check (conclusion in ('PASS', 'PASS_WITH_CHANGES', 'FAIL')),
    opinion text,
    created_at timestamptz not null default now()
);

-- the trail: every change of stage, and every event on the way (motion linked, vote closed), who, when, why
create table standards_history (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    from_stage text,
    to_stage text not null,
    event text not null,
    actor text,
    reason text,
    at timestamptz not null default now()
);
create index standards_history_by_standard on standards_history (standard_id, id);
