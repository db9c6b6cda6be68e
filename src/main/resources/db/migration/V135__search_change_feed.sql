-- The search index's change feed: every change that reaches the index is appended here (one row per document
-- key), each node's index reads it from its own position (kept in the index's commit), so that every node's
-- index follows every node's changes, and a node that was down catches up when it returns.
create table search_feed (
    position bigserial primary key,
    key      text        not null,
    at       timestamptz not null default now()
);

-- The nodes reading the feed and how far each has read, so that rows all of them have read can be pruned.
create table search_feed_readers (
    node     text primary key,
    position bigint      not null,
    seen_at  timestamptz not null default now()
);

-- How far the feed has been pruned: an index whose position is behind it has missed changes and is rebuilt.
create table search_feed_pruned (
    id      int primary key check (id = 1),
    through bigint not null
);
insert into search_feed_pruned (id, through) values (1, 0);
