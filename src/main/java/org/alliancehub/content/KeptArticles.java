package org.alliancehub.content;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.alliancehub.platform.DatabaseNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the article pages and the network's home page read, kept in memory on this node: each article's row (also
 * what the access rule asks of it), its neighbours and related articles (for readers of members-only articles and for
 * the others apart), its attachments, and the network home's two lists. A page rendered afresh (a signed-in visitor)
 * then sends no statement for them.
 * <p>
 * Never stale, never another viewer's: what is kept is the same for every viewer of one key (the access rule and the
 * viewer's right to members-only articles are applied on each request, or are part of the key), and an alliance's
 * copies are dropped on every change of its articles or their attachments: on this node when the change is made and
 * again when it completes, on every other node when it hears of it through {@link DatabaseNotifications} (channel
 * {@value #CHANNEL}, announced after the change commits, the payload {@code node:allianceId}), and everything when a
 * node's listening connection was lost (announcements may have been missed meanwhile). The network home's lists span
 * every alliance and go with any change. Only what is read outside a transaction is kept (a transaction may see its
 * own uncommitted change), and a copy read while a change came is not kept: every copy is taken under a generation
 * that each drop advances. At most {@value #LIMIT} copies; past that, everything is dropped and kept again as read.
 */
@Component
class KeptArticles {

	/** The channel on which a node tells the others that the articles of an alliance changed. */
	static final String CHANNEL = "articles";

	static final int LIMIT = 4096;

	/** The alliance of a copy that spans every alliance (the network home's lists): dropped with any change. */
	static final long EVERY_ALLIANCE = -1;

	private final AtomicLong generation = new AtomicLong();

	private record Kept(long allianceId, Object value) {
	}

	private final ConcurrentHashMap<Object, Kept> kept = new ConcurrentHashMap<>();

	private final @Nullable DatabaseNotifications notifications;

	KeptArticles(ObjectProvider<DatabaseNotifications> notifications) {
		this.notifications = notifications.getIfAvailable();
		if (this.notifications != null) {
			// another node's change, or ANYTHING after a lost connection; this node's own was dropped when it completed
			String self = this.notifications.node() + ":";
			this.notifications.listen(CHANNEL, payload -> {
				if (payload.startsWith(self)) {
					return;
				}
				int colon = payload.lastIndexOf(':');
				try {
					drop(Long.parseLong(payload.substring(colon + 1)));
				}
				catch (NumberFormatException e) {
					dropAll();
				}
			});
		}
	}

	/**
	 * The copy kept under {@code key}, or what {@code read} reads (then kept, unless a change came meanwhile);
	 * {@code alliance} tells which alliance's changes drop it. Nothing is kept for a null. In a transaction the
	 * database is read, and nothing kept.
	 */
	@SuppressWarnings("unchecked")
	<T> @Nullable T get(Object key, Supplier<@Nullable T> read, ToLongFunction<T> alliance) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return read.get(); // a transaction reads the database, its own changes included
		}
		Kept k = kept.get(key);
		if (k != null) {
			return (T) k.value();
		}
		long before = generation.get();
		T value = read.get();
		if (value != null) {
			if (kept.size() >= LIMIT) {
				kept.clear();
			}
			kept.put(key, new Kept(alliance.applyAsLong(value), value));
			// a drop that came before this put may have passed over the key already: undo the put
			if (generation.get() != before) {
				kept.remove(key);
			}
		}
		return value;
	}

	/**
	 * The articles of an alliance changed (or their attachments): dropped here now and again when the change completes
	 * (what other threads read meanwhile was the old row), before anything else that runs after the commit, and on
	 * every other node once it has committed. The announcement is asked after the commit, on this thread and before
	 * the page cache's own (also asked after the commit), and sent with it and the other changes' of the moment in one
	 * transaction, in that order, so the other nodes hear it first ({@link DatabaseNotifications#announceSoon}). It is
	 * not sent inside the change's transaction, nor in a commit of its own after it, because PostgreSQL serializes the
	 * commits of transactions that notify (each waits for the previous one's flush to disk), which would queue every
	 * article change behind the one before it.
	 */
	void changed(long allianceId) {
		drop(allianceId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				// before the page cache drops its pages after the commit (AfterCommit, lowest precedence): a page it
				// renders again must not be made of a copy read before the commit
				@Override
				public int getOrder() {
					return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
				}

				@Override
				public void afterCommit() {
					drop(allianceId);
					announce(allianceId);
				}

				@Override
				public void afterCompletion(int status) {
					drop(allianceId);
				}
			});
		}
		else {
			announce(allianceId);
		}
	}

	/** Tells the other nodes; when that fails, they drop everything once their connection to the database is back. */
	private void announce(long allianceId) {
		if (notifications != null) {
			try {
				notifications.announceSoon(CHANNEL, notifications.node() + ":" + allianceId);
			}
			catch (RuntimeException e) {
				org.slf4j.LoggerFactory.getLogger(KeptArticles.class).warn("Could not tell other nodes of an article change", e);
			}
		}
	}

	/** Forgets the copies of one alliance, and those spanning every alliance. */
	void drop(long allianceId) {
		generation.incrementAndGet();
		kept.values().removeIf(k -> k.allianceId() == allianceId || k.allianceId() == EVERY_ALLIANCE);
	}

	/** Forgets everything. */
	void dropAll() {
		generation.incrementAndGet();
		kept.clear();
	}

	/** How many copies are kept (for tests). */
	int size() {
		return kept.size();
	}
}
