-- Documents attached to agenda items (the work report, the funding plan …), readable by the meeting's
-- participants and the secretariat. The bytes live in the upload store, named by their hash.
create table agenda_document (
    id             bigserial primary key,
    agenda_item_id bigint      not null references agenda_item (id) on delete cascade,
    filename       text        not null,
    content_type   text        not null,
    size_bytes     bigint      not null,
    sha256         text        not null,
    created_at     timestamptz not null default now()
);
create index agenda_document_item on agenda_document (agenda_item_id, id);
