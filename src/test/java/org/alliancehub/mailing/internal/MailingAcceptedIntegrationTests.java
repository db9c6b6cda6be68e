package org.alliancehub.mailing.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker records the server's acceptance of the mails it sent in its next transaction, and a row of those that
 * another transaction holds does not stall it: PostgreSQL keeps the lock on a row that another worker's claim
 * ({@code for update skip locked}) locked and then found no longer pending until that claim's transaction ends, and
 * at stop 27 a whole-suite run had a worker wait 120 s there (the other worker was a test's, held on purpose). The
 * worker goes on sending and records that acceptance once the row is free.
 */
class MailingAcceptedIntegrationTests extends SenderIntegrationTest {

	@Test
	void aSentRowHeldByAnotherTransactionDoesNotStallTheWorkerAndItsAcceptanceIsRecordedOnceFree() throws Exception {
		Sender application = pauseTheApplicationsSender();
		Sender sender = null;
		Connection other = dataSource.getConnection();
		try {
			TestClient admin = admin();
			String slug = "ml-acc-" + UUID.randomUUID().toString().substring(0, 6);
			assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "回执邮件联盟" + slug)).status()).isEqualTo(201);
			long allianceId = alliances.get(slug).id();
			String tag = UUID.randomUUID().toString().substring(0, 6);
			List<String> addresses = List.of("a" + tag + "-1@accepted.example.net", "a" + tag + "-2@accepted.example.net",
					"a" + tag + "-3@accepted.example.net");
			jdbc.sql("insert into mailing_subscriber (alliance_id, email, confirmed_at) select ?, unnest(?::text[]), now()")
				.params(allianceId, addresses.toArray(String[]::new))
				.update();
			var briefing = admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 141, "title", "第141期",
					"publishedOn", "2026-12-06", "body", "<p>回执记录。</p>"));
			var created = admin.post("/api/v1/briefings/" + briefing.json().get("id").asLong() + "/mailings", Map.of());
			assertThat(created.status()).isEqualTo(201);
			long mailing = created.json().get("id").asLong();

			// one worker, held after the server accepted its first mail, until that row is locked by another transaction
			AtomicLong first = new AtomicLong();
			CountDownLatch firstAccepted = new CountDownLatch(1);
			CountDownLatch locked = new CountDownLatch(1);
			sender = sender(1);
			sender.hook(new Sender.Hook() {
				@Override
				public void beforeSend(long outboxId, String email) {
				}

				@Override
				public void afterDot(long outboxId, String email) {
					if (first.compareAndSet(0, outboxId)) {
						firstAccepted.countDown();
						try {
							locked.await(30, TimeUnit.SECONDS);
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					}
				}
			});
			sender.start();
			assertThat(firstAccepted.await(30, TimeUnit.SECONDS)).isTrue();
			other.setAutoCommit(false);
			try (var st = other.prepareStatement("select id from mailing_outbox where id = ? for update")) {
				st.setLong(1, first.get());
				st.executeQuery().close();
			}
			locked.countDown();

			// the other two are sent although the first row stays locked (before, the worker waited on it for good)
			waitFor(() -> count("status = 'SENT'", mailing) == 3, Duration.ofSeconds(20));
			assertThat(jdbc.sql("select accepted_at is null from mailing_outbox where id = ?").param(first.get())
				.query(Boolean.class).single()).as("not recorded while held").isTrue();
			other.rollback();
			waitFor(() -> count("status = 'SENT' and accepted_at is not null", mailing) == 3, Duration.ofSeconds(10));
		}
		finally {
			other.rollback();
			other.close();
			if (sender != null) {
				sender.stop();
			}
			application.pause(false);
		}
	}
}
