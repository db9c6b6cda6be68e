package org.alliancehub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcements to the other nodes sent together ({@link DatabaseNotifications#announceSoon}): one thread sends what
 * was asked, at most once every {@link #GAP_MILLIS}, everything asked meanwhile in one transaction on a connection of
 * its own (outside the pool, opened again after a failure). Within a transaction PostgreSQL delivers each distinct
 * payload once, in the order sent, at the commit.
 * <p>
 * Sent one by one after each change (the page cache's and the kept articles' announcements, stop 25), every change
 * made a second commit, a notifying one: PostgreSQL serializes those (one lock, held through each commit's flush to
 * disk), so under a stream of changes each writer waited for the flush of the one before it, holding its pooled
 * connection. Now a writer only adds to a set in memory; the other nodes hear of it at most {@link #GAP_MILLIS}
 * later. Notifications are a wake-up call, not a record: an announcement that cannot be sent on the connection of
 * its own is sent through the pool instead, and one sent twice does no harm.
 */
final class Announcements {

	private static final Logger log = LoggerFactory.getLogger(Announcements.class);

	/** The shortest time between two sendings. */
	static final long GAP_MILLIS = DatabaseNotifications.SOON_MILLIS;

	/** Opens a connection outside the pool, in autocommit mode. */
	interface Opener {

		Connection open() throws SQLException;
	}

	/** Sends one announcement through the pool (when the connection of its own fails, or when not running). */
	interface Fallback {

		void announce(String channel, String payload);
	}

	private record Notice(String channel, String payload) {
	}

	/** Asked and not sent yet, in the order first asked; each distinct one once. */
	private final Set<Notice> pending = new LinkedHashSet<>();

	private final Semaphore wanted = new Semaphore(0);

	private final Opener opener;

	private final Fallback fallback;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	/** The connection of its own; used by the sending thread only (and by {@link #stop} once it has ended). */
	private @Nullable Connection connection;

	/** How many transactions sent announcements; for tests. */
	final java.util.concurrent.atomic.AtomicLong sendings = new java.util.concurrent.atomic.AtomicLong();

	Announcements(Opener opener, Fallback fallback) {
		this.opener = opener;
		this.fallback = fallback;
	}

	/** Sends {@code payload} on {@code channel} within {@link #GAP_MILLIS} (at once, through the pool, when stopped). */
	void add(String channel, String payload) {
		synchronized (pending) {
			pending.add(new Notice(channel, payload));
		}
		if (running) {
			wanted.release();
		}
		else {
			send(take());
		}
	}

	void start() {
		running = true;
		Thread t = new Thread(this::run, "announcements");
		t.setDaemon(true);
		thread = t;
		t.start();
	}

	/** Sends what is still asked, then closes the connection of its own. */
	void stop() {
		running = false;
		wanted.release();
		Thread t = thread;
		if (t != null) {
			try {
				t.join(2_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (t == null || !t.isAlive()) {
			closeConnection();
		}
		// asked while stopping
		send(take());
	}

	private void run() {
		long last = 0;
		while (true) {
			try {
				wanted.acquire();
				if (running) {
					long wait = GAP_MILLIS - (System.nanoTime() - last) / 1_000_000;
					if (wait > 0) {
						Thread.sleep(wait);
					}
				}
				wanted.drainPermits();
				last = System.nanoTime();
				send(take());
				if (!running) {
					return;
				}
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				log.warn("Could not announce to the other nodes ({})", e.toString());
			}
		}
	}

	private List<Notice> take() {
		synchronized (pending) {
			List<Notice> all = new ArrayList<>(pending);
			pending.clear();
			return all;
		}
	}

	/** Sends these in one transaction on the connection of its own; through the pool when that fails. */
	private void send(List<Notice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		sendings.incrementAndGet();
		if (running && Thread.currentThread() == thread) {
			try {
				Connection c = connection;
				if (c == null) {
					c = opener.open();
					connection = c;
				}
				c.setAutoCommit(false);
				try (var statement = c.prepareStatement("select pg_notify(?, ?)")) {
					for (Notice n : notices) {
						statement.setString(1, n.channel());
						statement.setString(2, n.payload());
						statement.execute();
					}
				}
				c.commit();
				return;
			}
			catch (SQLException | RuntimeException e) {
				// a new connection next time; these go through the pool now
				log.debug("Announcing on a connection of its own failed ({})", e.toString());
				closeConnection();
			}
		}
		for (Notice n : notices) {
			try {
				fallback.announce(n.channel(), n.payload());
			}
			catch (RuntimeException e) {
				// the other nodes drop everything once their connection to the database is back
				log.warn("Could not announce on {} to the other nodes ({})", n.channel(), e.toString());
			}
		}
	}

	private void closeConnection() {
		Connection c = connection;
		connection = null;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException e) {
				// gone already
			}
		}
	}
}
