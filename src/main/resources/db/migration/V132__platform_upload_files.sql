-- Uploaded files live in PostgreSQL, once per content (named by its SHA-256), so that every node reads them;
-- each node keeps a copy of what it served in its data directory (uploads/), fetched from here on first use.
-- Files that earlier versions kept only on disk are copied in at start-up (platform.Uploads).
CREATE TABLE upload_file (
	sha256 CHAR(64) PRIMARY KEY,
	size_bytes BIGINT NOT NULL,
	content BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE upload_file ALTER COLUMN content SET STORAGE EXTERNAL;
