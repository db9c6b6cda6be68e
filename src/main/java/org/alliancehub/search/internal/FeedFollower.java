package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.DatabaseNotifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Brings this node's index up to the change feed: reads the keys appended after the index's position, re-reads
 * each document from the database into the index, then commits the new position with the index. Woken by the
 * feed's notification (a change on any node), and every {@link #POLL_MILLIS} anyway in case one was missed; so a
 * change anywhere is in every node's index within a second, and a node that was down reads what it missed when
 * it returns.
 */
@Component
class FeedFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);

	static final long POLL_MILLIS = 2000;

	/** How long the follower waits for a notification before it reads the feed anyway ({@link #POLL_MILLIS}). */
	private volatile long pollMillis = POLL_MILLIS;

	private static final int BATCH = 500;

	/** At most one round of reading (and one refresh of the searchers) this often while changes keep coming. */
	static final long ROUND_MILLIS = 100;

	/** How often gaps in the positions read are settled (read a last time, then given up). */
	static final long SETTLE_MILLIS = 500;

	private volatile long lastRound;

	/** How often the node reports its position and prunes what every node has read. */
	private static final long PRUNE_MILLIS = 60_000;

	private final SearchFeed feed;

	private final SearchIndex index;

	private final IndexDocuments documents;

	private final DatabaseNotifications notifications;

	private final Path nodeFile;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private volatile Thread thread;

	private volatile long lastReport;

	private String node = "";

	/** The database, whose pooled connections this thread's reads bypass ({@link #withOwnConnection}). */
	private final DataSource dataSource;

	/** The follower's connection of its own, outside the pool; opened again after a failure. */
	private @Nullable Connection own;

	FeedFollower(SearchFeed feed, SearchIndex index, IndexDocuments documents, DatabaseNotifications notifications,
			AllianceHubProperties properties, DataSource dataSource) {
		this.dataSource = dataSource;
		this.feed = feed;
		this.index = index;
		this.documents = documents;
		this.notifications = notifications;
		this.nodeFile = properties.data().resolve("index").resolve("NODE").toAbsolutePath();
		notifications.listen(SearchFeed.CHANNEL, payload -> wake.release());
		feed.whenAppended(() -> {
			wake.release();
			announceSoon();
		});
	}

	/**
	 * The position through which every change of the feed is in this index: below it no row can appear any more.
	 * Stored with the index's commits, so a restart reads from it again (the changes after it that were already in
	 * are read once more; a document read again replaces itself).
	 */
	private long settled = -1;

	/** The highest position read. */
	private long high;

	/**
	 * Positions between {@link #settled} and {@link #high} not seen yet: a change still committing (its position was
	 * handed out before one seen), or one rolled back. Read again each round, and given up once {@link SearchFeed#settle}
	 * says no append is still under way that could fill them.
	 */
	private final java.util.TreeSet<Long> gaps = new java.util.TreeSet<>();

	private long lastSettle;

	/** How far the feed had been pruned when this node began reading it. */
	private long pruned;

	/** Reads the feed now, and returns when this node's index holds everything appended before the call. */
	synchronized void catchUp() {
		if (settled < 0) {
			settled = index.position();
			high = settled;
			gaps.clear();
			// positions pruned away never come (an index behind them is rebuilt): they are no gaps to wait for
			pruned = feed.prunedThrough();
		}
		// changes that committed after a later one was read
		if (!gaps.isEmpty()) {
			fill(new ArrayList<>(gaps));
		}
		while (true) {
			List<SearchFeed.Change> changes = feed.after(high, BATCH);
			if (changes.isEmpty()) {
				break;
			}
			// written first: a round that fails here (the index closed, the database gone) leaves the position read
			// and the gaps as they were, and the next round reads these changes again (before, they were passed over
			// until the node restarted)
			apply(changes);
			for (SearchFeed.Change c : changes) {
				for (long p = Math.max(high, pruned) + 1; p < c.position(); p++) {
					gaps.add(p);
				}
				high = c.position();
			}
			if (changes.size() < BATCH) {
				break;
			}
		}
		long now = System.currentTimeMillis();
		if (!gaps.isEmpty() && now - lastSettle >= SETTLE_MILLIS) {
			// every append that took a position up to high is over once settle returns: what is there now is read,
			// the rest never comes
			lastSettle = now;
			List<Long> open = new ArrayList<>(gaps);
			boolean settledNow;
			try {
				feed.settle();
				settledNow = true;
			}
			catch (org.springframework.dao.DataAccessException e) {
				// an append's transaction stays open: its gap is read again each round and settled later
				settledNow = false;
			}
			if (settledNow) {
				fill(open);
				gaps.removeAll(open);
			}
		}
		long through = gaps.isEmpty() ? high : gaps.first() - 1;
		if (through > settled) {
			settled = through;
			index.write(java.util.Map.of(), settled);
		}
	}

	/** Reads the changes at these positions that are there now, and takes them out of the gaps. */
	private void fill(List<Long> positions) {
		for (int i = 0; i < positions.size(); i += BATCH) {
			List<SearchFeed.Change> found = feed.at(positions.subList(i, Math.min(positions.size(), i + BATCH)));
			if (!found.isEmpty()) {
				apply(found);
				found.forEach(c -> gaps.remove(c.position()));
			}
		}
	}

	/** Re-reads the changed documents into the index, searchable at once; the position kept stays the settled one. */
	private void apply(List<SearchFeed.Change> changes) {
		Set<String> keys = new LinkedHashSet<>();
		for (SearchFeed.Change c : changes) {
			keys.add(c.key());
		}
		// the batch's articles in one statement, made into documents and analysed on every core
		long t0 = System.nanoTime();
		var loaded = documents.loadAll(keys);
		long t1 = System.nanoTime();
		index.write(loaded, Math.max(settled, 0));
		rounds.applied(keys.size(), t1 - t0, index.lastWrite());
	}

	/** What the rounds took, logged at debug level every few seconds (the follower's own account of its time). */
	final RoundTimes rounds = new RoundTimes();

	/** Forgets what was read: the next round starts from the position kept with the index (after it was reopened). */
	synchronized void restartFromIndex() {
		settled = -1;
	}

	private void run() {
		while (running) {
			try {
				wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
				// changes that arrive together are read together: at most one round (and one refresh of the
				// searchers) every ROUND_MILLIS
				long since = System.currentTimeMillis() - lastRound;
				if (since < ROUND_MILLIS) {
					Thread.sleep(ROUND_MILLIS - since);
				}
				wake.drainPermits();
				if (!running) {
					return;
				}
				if (index.isOpen()) {
					lastRound = System.currentTimeMillis();
					long start = System.nanoTime();
					withOwnConnection(this::catchUp);
					rounds.round(System.nanoTime() - start);
					if (log.isDebugEnabled()) {
						rounds.logEvery(log, 5_000);
					}
					long now = System.currentTimeMillis();
					if (now - lastReport > PRUNE_MILLIS) {
						// writes, through the pool: the follower's own connection only reads
						lastReport = now;
						feed.report(node, index.position());
						feed.prune();
					}
				}
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				// the index closed or the database went away: try again on the next round
				log.warn("Following the search feed failed ({}); trying again", e.toString());
			}
		}
	}

	/**
	 * Runs a round's reads (the feed, and the changed documents through the other modules, whose statements all go
	 * to the application's one data source) on a connection of the follower's own, bound to this thread as a
	 * transaction's would be: under a burst of writes every pooled connection is taken by a writer, and a follower
	 * that queued for one behind them (once per statement) fell tens of seconds behind the changes while its thread
	 * was mostly idle. Falls back to the pool when no connection of its own can be opened.
	 */
	private void withOwnConnection(Runnable round) {
		Connection c = own;
		if (c == null) {
			try {
				c = openOwn();
				own = c;
			}
			catch (SQLException | RuntimeException e) {
				log.debug("The search feed follower reads through the pool ({})", e.toString());
				round.run();
				return;
			}
		}
		TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(c));
		boolean done = false;
		try {
			round.run();
			done = true;
		}
		finally {
			TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
			if (!done) {
				// the connection may be broken: a new one next round
				closeOwn();
			}
		}
	}

	/**
	 * A connection of the follower's own, read-only: it is bound to the follower's thread while a round reads, so
	 * every statement on that thread goes to it, the other modules' reads of the changed documents included; one
	 * that writes (none does today) fails there instead of being made outside the pool and its transactions
	 * unnoticed. Settling the feed ({@link SearchFeed#settle}) only takes a lock, which a read-only transaction may.
	 */
	Connection openOwn() throws SQLException {
		Connection c = notifications.connectionOfItsOwn();
		try (var statement = c.createStatement()) {
			statement.execute("set default_transaction_read_only = on");
		}
		catch (SQLException | RuntimeException e) {
			c.close();
			throw e;
		}
		return c;
	}

	private void closeOwn() {
		Connection c = own;
		own = null;
		close(c);
	}

	private static void close(@Nullable Connection c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException e) {
				// gone already
			}
		}
	}

	/**
	 * Tells the other nodes that this one appended, once for all the changes that committed meanwhile, with the other
	 * announcements of the moment ({@link DatabaseNotifications#announceSoon}: at most one commit every 50 ms, on a
	 * connection outside the pool). Each announcement is a notifying commit, which PostgreSQL serializes, and wakes
	 * every node's follower; announcing each append as it came made a few hundred such commits and rounds a second
	 * under the feed bench's 500 changes/s (stop 24), and through the pool it queued behind the writers (stop 24: 517
	 * waits in 30 s).
	 */
	void announceSoon() {
		notifications.announceSoon(SearchFeed.CHANNEL, "");
	}

	/**
	 * Sets how long the follower waits for a notification before it reads the feed anyway; answers the previous
	 * value. For tests, which make it long to show that the notification alone wakes the follower.
	 */
	long pollEvery(long millis) {
		long previous = pollMillis;
		pollMillis = millis;
		wake.release();
		return previous;
	}

	/** This index's name among the readers of the feed, kept beside the index. */
	private String node() {
		try {
			if (Files.exists(nodeFile)) {
				return Files.readString(nodeFile, StandardCharsets.UTF_8).strip();
			}
			String name = UUID.randomUUID().toString();
			Files.createDirectories(nodeFile.getParent());
			Files.writeString(nodeFile, name, StandardCharsets.UTF_8);
			return name;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void start() {
		node = node();
		// the index may have been closed and opened again while this was stopped: read from its position
		restartFromIndex();
		running = true;
		Thread t = new Thread(this::run, "search-feed");
		t.setDaemon(true);
		thread = t;
		t.start();
		wake.release();
	}

	@Override
	public void stop() {
		running = false;
		wake.release();
		Thread t = thread;
		if (t != null) {
			// not interrupted: an interrupt during a write to the index would close the index's files
			try {
				t.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (t == null || !t.isAlive()) {
			closeOwn();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stopped before the index and the database close. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}
}
