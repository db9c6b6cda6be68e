package org.alliancehub.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} between the nodes that share one database: a module listens on a channel and
 * is told, within milliseconds, what another node (or this one) announced there. One connection of its own
 * (outside the pool) waits for notifications ({@code PGConnection.getNotifications} with a timeout); when it is
 * lost it is opened again, and every listener is told {@link #ANYTHING} because announcements may have been
 * missed meanwhile. Notifications are a wake-up call, not a record: what must not be lost is kept in tables.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

	/** The payload listeners receive when announcements may have been missed (at start and after a reconnect). */
	public static final String ANYTHING = "*";

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	/** This process, so that a node can tell its own announcements from others'. */
	private final String node = UUID.randomUUID().toString();

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile boolean connected;

	DatabaseNotifications(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** This node's name in announcements. */
	public String node() {
		return node;
	}

	/** Calls {@code listener} with each payload announced on {@code channel} (a lower-case identifier). */
	public void listen(String channel, Consumer<String> listener) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException(channel);
		}
		// the listening thread starts listening on a new channel within half a second
		listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Announces {@code payload} on {@code channel} to every node (this one included). In a transaction it is
	 * delivered when the transaction commits, and not at all if it rolls back.
	 */
	public void announce(String channel, String payload) {
		jdbc.queryForList("select pg_notify(?, ?)", channel, payload);
	}

	/** At most how long {@link #announceSoon} waits to send an announcement with the others of the moment. */
	public static final long SOON_MILLIS = 50;

	/**
	 * Announces {@code payload} on {@code channel} to every node within {@value #SOON_MILLIS} ms, together
	 * with the others asked meanwhile: one commit for all of them, on a connection outside the pool, rather than a
	 * notifying commit per change after the change's own ({@link Announcements}). For announcements made after a
	 * change has committed.
	 */
	public void announceSoon(String channel, String payload) {
		soon.add(channel, payload);
	}

	/** How many transactions {@link #announceSoon} has sent (each with every announcement asked meanwhile); for tests. */
	public long announcementsSent() {
		return soon.sendings.get();
	}

	private final Announcements soon = new Announcements(this::open, this::announce);

	/** Whether the listening connection is open now. */
	public boolean connected() {
		return connected;
	}

	@Override
	public void start() {
		running = true;
		soon.start();
		Thread t = new Thread(this::run, "notifications");
		t.setDaemon(true);
		thread = t;
		t.start();
	}

	@Override
	public void stop() {
		running = false;
		soon.stop();
		Thread t = thread;
		if (t != null) {
			t.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Started after the database is there, stopped before it goes. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	private void run() {
		long backoff = 100;
		while (running) {
			try (Connection c = open()) {
				PGConnection pg = c.unwrap(PGConnection.class);
				java.util.Set<String> listening = new java.util.HashSet<>();
				listenToAll(c, listening);
				connected = true;
				backoff = 100;
				tell(null, ANYTHING);
				while (running) {
					if (!listening.containsAll(listeners.keySet())) {
						listenToAll(c, listening);
						tell(null, ANYTHING);
					}
					PGNotification[] got = pg.getNotifications(500);
					if (got != null) {
						for (PGNotification n : got) {
							tell(n.getName(), n.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				connected = false;
				if (running) {
					log.warn("Listening for notifications failed ({}); trying again", e.toString());
					try {
						Thread.sleep(backoff);
					}
					catch (InterruptedException ie) {
						Thread.currentThread().interrupt();
						return;
					}
					backoff = Math.min(5000, backoff * 2);
				}
			}
			connected = false;
		}
	}

	private void listenToAll(Connection c, java.util.Set<String> listening) throws SQLException {
		try (Statement s = c.createStatement()) {
			for (String channel : listeners.keySet()) {
				if (listening.add(channel)) {
					s.execute("LISTEN " + channel);
				}
			}
		}
	}

	/** Tells the listeners of {@code channel} (of every channel when null). */
	private void tell(String channel, String payload) {
		listeners.forEach((name, list) -> {
			if (channel == null || channel.equals(name)) {
				for (Consumer<String> l : list) {
					try {
						l.accept(payload);
					}
					catch (RuntimeException e) {
						log.warn("A listener of {} failed on '{}'", name, payload, e);
					}
				}
			}
		});
	}

	/**
	 * A connection to the database outside the pool, in autocommit mode, for a background reader that must not wait
	 * behind the requests for a pooled one (the caller closes it).
	 */
	public Connection connectionOfItsOwn() throws SQLException {
		return open();
	}

	/** A connection of its own: a pooled one would be taken from requests for as long as the node runs. */
	private Connection open() throws SQLException {
		HikariDataSource h = dataSource instanceof HikariDataSource pool ? pool
				: dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		if (h != null && h.getJdbcUrl() != null) {
			java.util.Properties p = new java.util.Properties();
			if (h.getUsername() != null) {
				p.setProperty("user", h.getUsername());
			}
			if (h.getPassword() != null) {
				p.setProperty("password", h.getPassword());
			}
			p.putAll(h.getDataSourceProperties());
			Connection c = DriverManager.getConnection(h.getJdbcUrl(), p);
			c.setAutoCommit(true);
			return c;
		}
		Connection c = dataSource.getConnection();
		c.setAutoCommit(true);
		return c;
	}
}
