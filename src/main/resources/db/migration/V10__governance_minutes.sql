-- What a meeting decided (决议) and the secretariat's minutes of it (会议纪要).

-- The resolution, drafted from the closed motions and edited by the secretariat until the minutes are published.
create table resolution (
    meeting_id bigint      primary key references meeting (id) on delete cascade,
    text       text        not null,
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- Minutes go DRAFT -> APPROVED (who approved, when) -> PUBLISHED; an approved text is edited only after going back to draft.
create table minutes (
    meeting_id     bigint      primary key references meeting (id) on delete cascade,
    body           text        not null,
    status         text        not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    visibility     text        not null default 'PUBLIC' check (visibility in ('PUBLIC', 'MEMBERS')),
    written_by     text        not null,
    approved_by    text,
    approved_at    timestamptz,
    published_at   timestamptz,
    version        bigint      not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index minutes_published on minutes (published_at desc) where status = 'PUBLISHED';
