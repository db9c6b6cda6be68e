package org.alliancehub.mailing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.network.Alliances;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A transient SMTP failure: a real SMTP conversation in which the server answers 451 (try again later) to the
 * recipient; the outbox keeps the row, records the attempt and its error, and after the backoff delivers it to the
 * real server (GreenMail) exactly once. GreenMail cannot answer 4xx, so the failing server is a few lines here.
 */
class MailingTransientFailureIntegrationTests extends IntegrationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	JavaMailSender mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Alliances alliances;

	private long received(String email) {
		return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
			}
			catch (Exception e) {
				return false;
			}
		}).count();
	}

	@Test
	void aTransientSmtpFailureIsRetriedAfterTheBackoffAndDeliveredExactlyOnce() throws Exception {
		JavaMailSenderImpl impl = (JavaMailSenderImpl) mail;
		Sender sender = outbox.sender();
		assertThat(sender).isNotNull();
		int realPort = impl.getPort();
		TestClient admin = admin();
		String slug = "tf-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "重试联盟" + slug)).status()).isEqualTo(201);
		String email = "retry-" + slug + "@retry.example.net";
		jdbc.sql("insert into mailing_subscriber (alliance_id, email, confirmed_at) values (?, ?, now())")
			.params(alliances.get(slug).id(), email).update();
		long briefing = admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 1, "title", "第1期",
				"publishedOn", "2026-12-05", "body", "<p>稍后再试。</p>")).json().get("id").asLong();

		try (RefusingSmtpServer server = new RefusingSmtpServer(RefusingSmtpServer.RefusesAt.RECIPIENT)) {
			sender.stop();
			impl.setPort(server.port());
			sender.start();
			var created = admin.post("/api/v1/briefings/" + briefing + "/mailings", Map.of());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long mailing = created.json().get("id").asLong();
			SenderIntegrationTest.waitFor(() -> server.refusals() > 0 && jdbc
				.sql("select attempts from mailing_outbox where mailing_id = ?").param(mailing).query(Integer.class).single() == 1,
				Duration.ofSeconds(30));
			var row = jdbc.sql("select status, attempts, last_error, next_attempt_at > now() from mailing_outbox where mailing_id = ?")
				.param(mailing).query((rs, i) -> List.of(rs.getString(1), rs.getInt(2), String.valueOf(rs.getString(3)), rs.getBoolean(4)))
				.single();
			assertThat(row.get(0)).isEqualTo("PENDING");
			assertThat(row.get(2).toString()).isNotBlank(); // JavaMail names it "Invalid Addresses"; the row stays PENDING: transient
			assertThat(row.get(3)).isEqualTo(true);
			assertThat(received(email)).isZero();
			var progress = admin.get("/api/v1/mailings/" + mailing).json();
			assertThat(progress.get("pending").asLong()).isEqualTo(1);
			assertThat(progress.get("failed").asLong()).isZero();

			// the server is back: after the backoff the mail goes out, once
			sender.stop();
			impl.setPort(realPort);
			sender.start();
			SenderIntegrationTest.waitFor(() -> admin.get("/api/v1/mailings/" + mailing).json().get("sent").asLong() == 1, Duration.ofSeconds(90));
			Thread.sleep(2000);
			assertThat(received(email)).isEqualTo(1);
			assertThat(jdbc.sql("select attempts from mailing_outbox where mailing_id = ?").param(mailing).query(Integer.class).single())
				.isEqualTo(2);
		}
		finally {
			if (impl.getPort() != realPort) {
				sender.stop();
				impl.setPort(realPort);
				sender.start();
			}
		}
	}
}
