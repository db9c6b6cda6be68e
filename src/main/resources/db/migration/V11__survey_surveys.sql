-- Surveys of the members (产业基础资料调查): fields and cross-field rules, who is asked, the answers and every
-- version of them.
create table survey (
    id           bigserial primary key,
    alliance_id  bigint      not null references alliance (id),
    title        text        not null,
    period       text        not null,
    description  text,
    status       text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'CLOSED')),
    deadline     timestamptz not null,
    -- who is asked: {"roles": [...], "types": [...], "regions": [GB/T 2260 province codes]}; empty means every active member
    audience     jsonb       not null default '{}',
    -- the survey of the previous period this one was copied from: growth is measured against it
    copied_from  bigint      references survey (id),
    -- the field whose answer classes respondents by size (大型/中型/小型/微型), if any
    size_field   text,
    published_at timestamptz,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index survey_alliance on survey (alliance_id, created_at desc);

create table survey_field (
    survey_id bigint  not null references survey (id) on delete cascade,
    position  int     not null check (position > 0),
    key       text    not null,
    label     text    not null,
    section   text,
    type      text    not null check (type in ('INTEGER', 'DECIMAL', 'PERCENT', 'TEXT', 'CHOICE', 'MULTI_CHOICE',
                                                'YEAR', 'REGION', 'FILE')),
    unit      text,
    required  boolean not null default false,
    min       numeric,
    max       numeric,
    options   jsonb,
    primary key (survey_id, key),
    unique (survey_id, position)
);

create table survey_rule (
    survey_id  bigint not null references survey (id) on delete cascade,
    position   int    not null check (position > 0),
    expression text   not null,
    message    text   not null,
    primary key (survey_id, position)
);

-- Who is asked, fixed when the survey is published so that the response rate keeps its denominator; the
-- organisation's province (GB/T 2260) and type are kept as they were then, for the breakdowns.
create table survey_recipient (
    survey_id        bigint not null references survey (id) on delete cascade,
    organization_id  bigint not null references organization (id),
    region_code      text,
    organization_type text  not null,
    last_reminded_at timestamptz,
    reminders        int    not null default 0,
    primary key (survey_id, organization_id)
);

-- The current answer of an organisation. numbers holds the numeric answers by field position (1-based,
-- null where unanswered or not numeric): what statistics read, so they never parse the JSON.
create table survey_response (
    id              bigserial primary key,
    survey_id       bigint      not null references survey (id) on delete cascade,
    organization_id bigint      not null references organization (id),
    status          text        not null check (status in ('DRAFT', 'SUBMITTED', 'REOPENED')),
    revision        int         not null default 1,
    answers         jsonb       not null default '{}',
    numbers         double precision[],
    submitted_at    timestamptz,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (survey_id, organization_id)
);
create index survey_response_submitted on survey_response (survey_id) where status = 'SUBMITTED';

-- Every version of every answer, never changed once written.
create table survey_response_revision (
    response_id bigint      not null references survey_response (id) on delete cascade,
    revision    int         not null,
    status      text        not null,
    answers     jsonb       not null,
    reason      text,
    saved_by    text,
    saved_at    timestamptz not null default now(),
    primary key (response_id, revision)
);
