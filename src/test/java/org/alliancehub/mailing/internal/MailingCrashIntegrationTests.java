package org.alliancehub.mailing.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailing to a few thousand subscribers whose sender dies mid-send: a first sender (four workers, its own
 * database connections) is stopped dead after a third of the mails, with four rows claimed and not yet sent;
 * its connections are terminated as a crash would, and its threads die. A fresh sender over the same database
 * (started while the first still holds its rows: it skips them) finishes the mailing. GreenMail counts the
 * mails per address: every subscriber has exactly one, nobody none.
 */
class MailingCrashIntegrationTests extends SenderIntegrationTest {

	static final int SUBSCRIBERS = 2000;

	@Test
	void aMailingResumedAfterItsSenderDiedReachesEveryAddressExactlyOnce() throws Exception {
		Sender application = pauseTheApplicationsSender();
		Sender first = null;
		Sender fresh = null;
		com.zaxxer.hikari.HikariDataSource own = null;
		try {
			TestClient admin = admin();
			String slug = "ml-crash-" + UUID.randomUUID().toString().substring(0, 6);
			assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "断电邮件联盟" + slug)).status())
				.isEqualTo(201);
			long allianceId = alliances.get(slug).id();
			String tag = UUID.randomUUID().toString().substring(0, 6);
			List<String> addresses = new ArrayList<>();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				addresses.add("c" + tag + "-" + i + "@crash.example.net");
			}
			jdbc.sql("""
					insert into mailing_subscriber (alliance_id, email, confirmed_at)
					select ?, unnest(?::text[]), now()""").params(allianceId, addresses.toArray(String[]::new)).update();
			var briefing = admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 140, "title",
					"第140期", "publishedOn", "2026-12-05", "body", "<p>断电后继续发送。</p>"));
			var created = admin.post("/api/v1/briefings/" + briefing.json().get("id").asLong() + "/mailings", Map.of());
			assertThat(created.status()).isEqualTo(201);
			long mailing = created.json().get("id").asLong();
			assertThat(created.json().get("total").asLong()).isEqualTo(SUBSCRIBERS);

			// the first sender: its own connections, named so that they can be cut; it stops dead after a third
			String url;
			String user;
			try (Connection c = dataSource.getConnection()) {
				url = c.getMetaData().getURL();
				user = c.getMetaData().getUserName();
			}
			com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
			config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "ApplicationName=mailing-crash-first");
			config.setUsername(user);
			config.setPassword("");
			config.setMaximumPoolSize(4);
			own = new com.zaxxer.hikari.HikariDataSource(config);
			first = sender(own, (JavaMailSenderImpl) mail, 4);
			AtomicInteger claimed = new AtomicInteger();
			CountDownLatch holding = new CountDownLatch(4);
			CountDownLatch killed = new CountDownLatch(1);
			first.hook((id, email) -> {
				if (claimed.incrementAndGet() > SUBSCRIBERS / 3) {
					holding.countDown();
					try {
						killed.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					throw new Killed();
				}
			});
			first.start();
			if (!holding.await(120, TimeUnit.SECONDS)) {
				throw new AssertionError("four rows claimed by the first sender: " + (4 - holding.getCount())
						+ " of 4 after 120 s; the threads then:\n" + threadDump());
			}
			long sentByFirst = count("status = 'SENT'", mailing);
			assertThat(sentByFirst).isBetween((long) SUBSCRIBERS / 3 - 4, (long) SUBSCRIBERS / 3);

			// a fresh sender over the same database, while the first still holds its four rows
			fresh = sender(2);
			fresh.start();
			waitFor(() -> count("status = 'PENDING'", mailing) == 4, Duration.ofSeconds(120));
			Thread.sleep(500);
			assertThat(count("status = 'PENDING'", mailing)).as("the held rows are skipped, not taken twice").isEqualTo(4);

			// the crash: the first sender's connections are cut (its transactions roll back), its threads die
			jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'mailing-crash-first'")
				.query().listOfRows();
			first.halt();
			killed.countDown();
			waitFor(() -> count("status = 'PENDING'", mailing) == 0, Duration.ofSeconds(60));
			// a row is SENT from just before its final dot, and GreenMail stores a mail after replying to the dot
			waitFor(() -> delivered(mailing) >= addresses.size(), Duration.ofSeconds(10));

			Map<String, Integer> perAddress = new HashMap<>();
			Set<String> messageIds = new HashSet<>();
			String header = "" + mailing + "/";
			for (MimeMessage m : MAIL.getReceivedMessages()) {
				String[] h = m.getHeader("X-AllianceHub-Mailing");
				if (h != null && h[0].startsWith(header)) {
					perAddress.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
					messageIds.add(m.getMessageID());
				}
			}
			assertThat(perAddress.keySet()).containsExactlyInAnyOrderElementsOf(addresses);
			assertThat(perAddress.values()).allMatch(n -> n == 1);
			assertThat(messageIds).hasSize(SUBSCRIBERS);
			var progress = admin.get("/api/v1/mailings/" + mailing).json();
			assertThat(progress.get("total").asLong()).isEqualTo(SUBSCRIBERS);
			assertThat(progress.get("sent").asLong()).isEqualTo(SUBSCRIBERS);
			assertThat(progress.get("failed").asLong()).isZero();
		}
		finally {
			if (first != null) {
				first.stop();
			}
			if (fresh != null) {
				fresh.stop();
			}
			if (own != null) {
				own.close();
			}
			application.pause(false);
		}
	}

	private static long delivered(long mailing) {
		String header = "" + mailing + "/";
		return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				String[] h = m.getHeader("X-AllianceHub-Mailing");
				return h != null && h[0].startsWith(header);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).count();
	}
}
