package org.alliancehub.search.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable change feed of the search index ({@code search_feed}): the keys of the documents that changed,
 * in the order their changes committed, each at a position every node's index reads from its own.
 */
@Component
class SearchFeed {

	/** The channel that wakes every node's {@link FeedFollower} when a key is appended. */
	static final String CHANNEL = "search_feed";

	/**
	 * Taken in shared mode by each append until it commits, and for a moment in exclusive mode by a reader that
	 * needs every position handed out so far to be settled ({@link #settle}). Appends do not wait for each other:
	 * their commits share the database's flushes to disk (group commit), where an exclusive lock held until each
	 * commit (as before) made every change wait for the flush of the one before it, one disk sync per change.
	 */
	private static final long APPEND_LOCK = 0x5ea4c4_feedL;

	/** How long a node may stay away before the rows it has not read may be pruned (it rebuilds on return). */
	static final String RETENTION = "7 days";

	record Change(long position, String key) {
	}

	private final JdbcClient jdbc;

	/** Told, once the appending transaction has committed, that this node appended (it wakes its own follower). */
	private volatile Runnable appended = () -> {
	};

	SearchFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs {@code r} after each transaction that appended here has committed. */
	void whenAppended(Runnable r) {
		appended = r;
	}

	/**
	 * Appends a changed key, in the caller's transaction (a transaction of its own when there is none): it commits
	 * with the change or not at all. Positions come from a sequence, so they are handed out in the order of the
	 * inserts, not of the commits: a reader may see position n + 1 before n commits, and reads the gaps again until
	 * they are settled ({@link FeedFollower}). No NOTIFY in the transaction: PostgreSQL serialises the commits of
	 * notifying transactions (one lock, held through each commit's flush to disk); the follower of this node is
	 * woken in the process once the transaction has committed, and the other nodes by a notification sent after it
	 * ({@link FeedFollower}), one for many changes.
	 */
	@Transactional
	void append(String key) {
		jdbc.sql("select pg_advisory_xact_lock_shared(:lock)").param("lock", APPEND_LOCK).query((rs, n) -> 1).list();
		jdbc.sql("insert into search_feed (key) values (:key)").param("key", key).update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					appended.run();
				}
			});
		}
	}

	/**
	 * Waits until every append that had begun is over (committed or rolled back): once this returns, every position
	 * handed out before the call is either readable or never will be. A moment's exclusive hold of the append lock;
	 * appends that come meanwhile wait for it (about one commit's time). An append in a transaction that stays open
	 * longer than {@link #SETTLE_WAIT} makes it fail (a lock timeout) rather than hold up the reader, who tries again
	 * later.
	 */
	@Transactional
	void settle() {
		jdbc.sql("set local lock_timeout = '" + SETTLE_WAIT + "'").update();
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", APPEND_LOCK).query((rs, n) -> 1).list();
	}

	/** How long {@link #settle} waits for the appends under way. */
	static final String SETTLE_WAIT = "50ms";

	/** The changes at these positions that are there (the others were rolled back, or are still to commit). */
	List<Change> at(java.util.Collection<Long> positions) {
		if (positions.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select position, key from search_feed where position in (:ps) order by position")
			.param("ps", positions)
			.query(Change.class)
			.list();
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
