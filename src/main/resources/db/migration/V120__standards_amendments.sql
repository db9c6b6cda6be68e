-- Standards (issue 12): an amendment (修改单) of a published standard is a numbered version of its own:
-- its sequence within the standard (第 1 号修改单 …), its number (like T/CGMA 001—2026/XG1—2027), the day it
-- was issued and what it changes. The standard's stage becomes AMENDED; the trail names the amendment.

create table standards_amendment (
    id bigserial primary key,
    standard_id bigint not null references standards_standard on delete cascade,
    seq int not null check (seq > 0),
    number text not null unique,
    issued_on date not null,
    reason text not null,
    actor text not null,
    created_at timestamptz not null default now(),
    unique (standard_id, seq)
);
