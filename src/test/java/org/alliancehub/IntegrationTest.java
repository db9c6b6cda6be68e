package org.alliancehub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application: one context and one fresh embedded PostgreSQL for
 * the whole run (same configuration everywhere, so Spring caches the context), with the demo network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ CountingDataSource.class, TestClock.class })
public abstract class IntegrationTest {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	static final Path DATA;

	/** A real SMTP server in this JVM: what the platform sends can be read back. */
	public static final com.icegreen.greenmail.util.GreenMail MAIL = new com.icegreen.greenmail.util.GreenMail(
			com.icegreen.greenmail.util.ServerSetup.SMTP.dynamicPort());

	static {
		try {
			DATA = Files.createTempDirectory("alliancehub-test");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		MAIL.start();
	}

	/** SQL statements sent by the application, on any thread. */
	public static final java.util.concurrent.atomic.AtomicLong STATEMENTS = new java.util.concurrent.atomic.AtomicLong();

	/** While not null, the SQL of the statements {@link #STATEMENTS} counts, in order (to tell what a page costs). */
	public static volatile java.util.concurrent.@org.jspecify.annotations.Nullable ConcurrentLinkedQueue<String> STATEMENT_LOG;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("alliancehub.data", DATA::toString);
		registry.add("alliancehub.admin-password", () -> ADMIN_PASSWORD);
		registry.add("alliancehub.demo", () -> "true");
		registry.add("server.shutdown", () -> "immediate");
		// Requests from 127.0.0.2 stand for a reverse proxy in front of the platform (see FromAddress).
		registry.add("alliancehub.trusted-proxies", () -> "127.0.0.2");
		// every test calls from 127.0.0.1: a budget of public comments per address that the whole run stays within
		registry.add("alliancehub.standards.comments-per-hour", () -> "60");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		// the weekly match digest runs when a test asks for it, never by the clock
		registry.add("alliancehub.transfer.digest-cron", () -> "-");
		// the notifications' sweep and digest likewise (NotificationSchedule)
		registry.add("alliancehub.notification.sweep-cron", () -> "-");
		registry.add("alliancehub.notification.digest-cron", () -> "-");
	}

	protected TestClient client() {
		return new TestClient("http://127.0.0.1:" + port);
	}

	protected TestClient admin() {
		return client().login("admin", ADMIN_PASSWORD);
	}

	/** The plain-text part of a message, however deeply its multiparts nest it. */
	public static String plainText(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart m) {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < m.getCount(); i++) {
				b.append(plainText(m.getBodyPart(i)));
			}
			return b.toString();
		}
		return "";
	}
}
