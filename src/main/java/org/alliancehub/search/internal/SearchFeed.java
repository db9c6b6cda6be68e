package org.alliancehub.search.internal;

import java.util.List;

import org.alliancehub.platform.DatabaseNotifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable change feed of the search index ({@code search_feed}): the keys of the documents that changed,
 * in the order their changes committed, each at a position every node's index reads from its own.
 */
@Component
class SearchFeed {

	/** The channel that wakes every node's {@link FeedFollower} when a key is appended. */
	static final String CHANNEL = "search_feed";

	/** Taken by each append until it commits, so that positions are handed out in the order of commits. */
	private static final long APPEND_LOCK = 0x5ea4c4_feedL;

	/** How long a node may stay away before the rows it has not read may be pruned (it rebuilds on return). */
	static final String RETENTION = "7 days";

	record Change(long position, String key) {
	}

	private final JdbcClient jdbc;

	SearchFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends a changed key and wakes every node, in the caller's transaction (a transaction of its own when there
	 * is none). The lock is held until the appending transaction commits: a reader that has seen position n can
	 * never later find a smaller position committed (a sequence alone hands out numbers in the order of inserts,
	 * not of commits). The NOTIFY is a statement of its own in that transaction: PostgreSQL queues it and sends it
	 * to every listening node when the transaction commits, that is once the row can be read.
	 */
	@Transactional
	void append(String key) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", APPEND_LOCK).query((rs, n) -> 1).list();
		jdbc.sql("insert into search_feed (key) values (:key)").param("key", key).update();
		jdbc.sql("select pg_notify(:channel, '')").param("channel", CHANNEL).query((rs, n) -> 1).list();
	}

	/** The last position appended, 0 when none. */
	long head() {
		return jdbc.sql("select coalesce(max(position), 0) from search_feed").query(Long.class).single();
	}

	/** Up to {@code limit} changes after {@code position}, in order. */
	List<Change> after(long position, int limit) {
		return jdbc.sql("select position, key from search_feed where position > :p order by position limit :n")
			.param("p", position)
			.param("n", limit)
			.query(Change.class)
			.list();
	}

	/** Positions up to this one may have been pruned: an index behind it has to be rebuilt. */
	long prunedThrough() {
		return jdbc.sql("select through from search_feed_pruned where id = 1").query(Long.class).optional().orElse(0L);
	}

	/** Records how far this node has read, for pruning. */
	void report(String node, long position) {
		jdbc.sql("""
				insert into search_feed_readers (node, position, seen_at) values (:node, :p, now())
				on conflict (node) do update set position = excluded.position, seen_at = now()""")
			.param("node", node)
			.param("p", position)
			.update();
	}

	/**
	 * Deletes the rows every node seen within {@link #RETENTION} has read (a node away longer rebuilds its index
	 * when it returns); answers how many went.
	 */
	int prune() {
		long safe = jdbc
			.sql("select coalesce(min(position), -1) from search_feed_readers where seen_at > now() - cast(:r as interval)")
			.param("r", RETENTION)
			.query(Long.class)
			.single();
		if (safe <= prunedThrough()) {
			return 0;
		}
		jdbc.sql("update search_feed_pruned set through = greatest(through, :p) where id = 1").param("p", safe).update();
		jdbc.sql("delete from search_feed_readers where seen_at <= now() - cast(:r as interval)").param("r", RETENTION).update();
		return jdbc.sql("delete from search_feed where position <= :p").param("p", safe).update();
	}
}
