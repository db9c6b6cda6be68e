-- Scheduled jobs run once across nodes: each run takes its job's row here first (ShedLock on JDBC);
-- a node that finds the row held by another until lock_until leaves that run out.
CREATE TABLE shedlock (
	name VARCHAR(64) NOT NULL,
	lock_until TIMESTAMP NOT NULL,
	locked_at TIMESTAMP NOT NULL,
	locked_by VARCHAR(255) NOT NULL,
	PRIMARY KEY (name)
);
