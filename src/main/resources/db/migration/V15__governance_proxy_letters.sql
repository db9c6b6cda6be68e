-- The signed proxy letter (委托书) itself, scanned or as a document, beside the reference text.
alter table proxy add column letter_filename     text;
alter table proxy add column letter_content_type text;
alter table proxy add column letter_size_bytes   bigint;
alter table proxy add column letter_sha256       text;
