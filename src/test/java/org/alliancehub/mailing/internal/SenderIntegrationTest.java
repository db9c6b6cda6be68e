package org.alliancehub.mailing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.alliancehub.IntegrationTest;
import org.alliancehub.content.Bulletins;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Base of the tests that run senders of their own next to the application's (paused) one, to kill them at a
 * chosen point of a send: the collaborators a {@link Sender} is built from, and the way a killed worker dies.
 */
abstract class SenderIntegrationTest extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	JavaMailSender mail;

	@Autowired
	Bulletins bulletins;

	@Autowired
	Alliances alliances;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	AllianceHubProperties properties;

	@Autowired
	MessageSource messages;

	/** Thrown inside a worker to end its thread the way a killed process ends it: no clean-up. */
	static final class Killed extends Error {
	}

	/** A sender of this test's own over {@code dataSource}, mailing through {@code server}, unthrottled. */
	Sender sender(DataSource dataSource, JavaMailSenderImpl server, int workers) {
		return new Sender(dataSource, server, bulletins, alliances, subscriptions, properties, messages, workers, 0);
	}

	/** The application's database, for {@link #database()} (a static wait has no test instance). */
	private static volatile @org.jspecify.annotations.Nullable DataSource database;

	@org.junit.jupiter.api.BeforeEach
	void rememberTheDatabase() {
		database = dataSource;
	}

	/**
	 * What every connection to the database does, and which connections block it: at stop 27 a worker of a test's
	 * sender waited 120 s on an update of its own rows in a whole-suite run, and the thread dump could not say on whom.
	 */
	static String database() {
		DataSource ds = database;
		if (ds == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(
				"the database's connections (pid, application, state, waiting for, blocked by, in transaction for, query):\n");
		try (var c = ds.getConnection(); var st = c.createStatement()) {
			try (var rs = st.executeQuery("select pid, application_name, state, wait_event_type || ':' || wait_event,"
					+ " pg_blocking_pids(pid), now() - xact_start, left(regexp_replace(query, '\\s+', ' ', 'g'), 300)"
					+ " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
					+ " order by xact_start nulls last")) {
				rows(rs, 7, out);
			}
			out.append("locks on the outbox and locks waited for (pid, type, mode, granted, relation, page, tuple, xid):\n");
			try (var rs = st.executeQuery("select l.pid, l.locktype, l.mode, l.granted, l.relation::regclass, l.page,"
					+ " l.tuple, l.transactionid from pg_locks l join pg_stat_activity a on a.pid = l.pid"
					+ " where a.datname = current_database()"
					+ " and (not l.granted or l.relation = 'mailing_outbox'::regclass)")) {
				rows(rs, 8, out);
			}
		}
		catch (java.sql.SQLException | RuntimeException e) {
			out.append("\t(not read: ").append(e).append(")\n");
		}
		return out.toString();
	}

	private static void rows(java.sql.ResultSet rs, int columns, StringBuilder out) throws java.sql.SQLException {
		while (rs.next()) {
			out.append('\t');
			for (int i = 1; i <= columns; i++) {
				out.append(rs.getString(i)).append(i < columns ? " | " : "\n");
			}
		}
	}

	/** A sender over the application's database, mailing through GreenMail. */
	Sender sender(int workers) {
		return sender(dataSource, (JavaMailSenderImpl) mail, workers);
	}

	/**
	 * Pauses the application's own sender, so that only the test's senders take the outbox's rows, and answers it
	 * (the caller resumes it with {@code pause(false)}).
	 */
	Sender pauseTheApplicationsSender() {
		Sender application = outbox.sender();
		assertThat(application).isNotNull();
		application.pause(true);
		return application;
	}

	/** How many of the mailing's outbox rows match {@code where}. */
	long count(String where, long mailing) {
		return jdbc.sql("select count(*) from mailing_outbox where mailing_id = ? and " + where).param(mailing)
			.query(Long.class).single();
	}

	static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + timeout + "; the threads then:\n" + threadDump());
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Every thread's stack, for a wait that timed out: these tests failed once in a whole-suite run (a sender's worker
	 * stopped after 666 mails) and never alone, so the failure must say where each thread was.
	 */
	static String threadDump() {
		StringBuilder out = new StringBuilder(database());
		for (java.lang.management.ThreadInfo t : java.lang.management.ManagementFactory.getThreadMXBean()
			.dumpAllThreads(true, true)) {
			out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
			if (t.getLockName() != null) {
				out.append(" on ").append(t.getLockName());
			}
			out.append('\n');
			for (StackTraceElement e : t.getStackTrace()) {
				out.append("\tat ").append(e).append('\n');
			}
		}
		return out.toString();
	}
}
