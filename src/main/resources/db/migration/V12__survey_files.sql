-- Files handed in as answers to FILE fields (a certificate, a financial statement); the content lies in the
-- data directory under its SHA-256, as the attachments of articles do. An answer refers to the file by id.
create table survey_file (
    id              bigserial primary key,
    survey_id       bigint      not null references survey (id) on delete cascade,
    organization_id bigint      not null references organization (id),
    filename        text        not null,
    content_type    text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    uploaded_by     text,
    created_at      timestamptz not null default now()
);
create index survey_file_answer on survey_file (survey_id, organization_id);
