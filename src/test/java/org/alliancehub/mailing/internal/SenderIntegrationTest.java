package org.alliancehub.mailing.internal;

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

	/** A sender over the application's database, mailing through GreenMail. */
	Sender sender(int workers) {
		return sender(dataSource, (JavaMailSenderImpl) mail, workers);
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
		StringBuilder out = new StringBuilder();
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
