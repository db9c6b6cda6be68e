-- annual: the network's request for the year's work reports, each alliance's report, and the versioned
-- formula of the activity score (scores themselves are computed, never stored).
create table annual_report_request (
    year        int         primary key check (year between 2000 and 2100),
    deadline    timestamptz not null,
    requested_by text,
    created_at  timestamptz not null default now()
);

create table annual_report (
    alliance_id      bigint      not null,
    year             int         not null references annual_report_request (year),
    summary          text        not null default '',
    plan             text        not null default '',
    status           text        not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    figures          jsonb,
    submitted_at     timestamptz,
    submitted_by     text,
    last_reminded_at timestamptz,
    reminders        int         not null default 0,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (alliance_id, year)
);

create table annual_formula (
    version       int         primary key,
    normalisation text        not null check (normalisation in ('CAP', 'BEST')),
    indicators    jsonb       not null,
    note          text,
    created_by    text,
    created_at    timestamptz not null default now()
);

insert into annual_formula (version, normalisation, indicators, note, created_by) values (1, 'CAP', '[
  {"key": "meetings.held", "weight": 15, "cap": 6},
  {"key": "resolutions.adopted", "weight": 10, "cap": 6},
  {"key": "motions.decided", "weight": 5, "cap": 10},
  {"key": "members.joined", "weight": 10, "cap": 10},
  {"key": "articles.published", "weight": 15, "cap": 50},
  {"key": "briefings.published", "weight": 10, "cap": 12},
  {"key": "surveys.held", "weight": 5, "cap": 2},
  {"key": "surveys.responseRate", "weight": 5, "cap": 100},
  {"key": "projects.started", "weight": 10, "cap": 5},
  {"key": "agreements.signed", "weight": 5, "cap": 5},
  {"key": "transfers.recorded", "weight": 10, "cap": 5}
]', '初始公式', 'system');
