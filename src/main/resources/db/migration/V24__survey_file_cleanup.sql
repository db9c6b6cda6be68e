-- Survey files are now deleted when no answer names them any more; the upload store asks each module whether
-- it still keeps a content hash before it deletes the bytes, so survey files are looked up by hash too.
create index survey_file_sha256 on survey_file (sha256);
