package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.DatabaseNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

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

	FeedFollower(SearchFeed feed, SearchIndex index, IndexDocuments documents, DatabaseNotifications notifications,
			AllianceHubProperties properties) {
		this.feed = feed;
		this.index = index;
		this.documents = documents;
		this.notifications = notifications;
		this.nodeFile = properties.data().resolve("index").resolve("NODE").toAbsolutePath();
		notifications.listen(SearchFeed.CHANNEL, payload -> wake.release());
	}

	/** Reads the feed now, and returns when this node's index holds everything appended before the call. */
	synchronized void catchUp() {
		long position = index.position();
		while (true) {
			List<SearchFeed.Change> changes = feed.after(position, BATCH);
			if (changes.isEmpty()) {
				return;
			}
			Set<String> keys = new LinkedHashSet<>();
			for (SearchFeed.Change c : changes) {
				keys.add(c.key());
			}
			java.util.Map<String, org.apache.lucene.document.@org.jspecify.annotations.Nullable Document> batch = new java.util.LinkedHashMap<>();
			for (String key : keys) {
				batch.put(key, documents.load(key).orElse(null));
			}
			position = changes.get(changes.size() - 1).position();
			index.write(batch, position);
		}
	}

	private void run() {
		while (running) {
			try {
				wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
				wake.drainPermits();
				if (!running) {
					return;
				}
				if (index.isOpen()) {
					catchUp();
					long now = System.currentTimeMillis();
					if (now - lastReport > PRUNE_MILLIS) {
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
