package org.alliancehub.mailing.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of a send: the outbox row is committed SENT after the mail's content and before the final dot that
 * ends its DATA. A sender dies (its worker thread ends with no clean-up of its own, its transaction rolls back,
 * its connection to the SMTP server is dropped) at each point of one mail's send, and a fresh sender finishes the
 * mailing; GreenMail counts the mails per address. Before the commit: the server never got the dot, discarded the
 * mail, and the row is sent again: once. After the dot: the server has the mail and the row is SENT: once (on
 * main, which committed after the server's reply, this is the crash that mailed the address twice). Between the
 * commit and the dot (one socket write in a real process): nobody gets it twice; that recipient is skipped, and
 * the row says so (SENT without accepted_at).
 */
class MailingCommitBeforeDotIntegrationTests extends SenderIntegrationTest {

	enum Point {
		BEFORE_COMMIT, BETWEEN_COMMIT_AND_DOT, AFTER_DOT
	}

	@BeforeEach
	void pauseIt() {
		pauseTheApplicationsSender();
	}

	@AfterEach
	void resumeIt() {
		outbox.sender().pause(false);
	}

	record Mailing(long id, String slug, String victim, String other) {
	}

	private Mailing mailing(String tag) {
		TestClient admin = admin();
		String slug = "ml-dot-" + tag + "-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "句点联盟" + slug)).status()).isEqualTo(201);
		String victim = "victim-" + slug + "@dot.example.net";
		String other = "other-" + slug + "@dot.example.net";
		jdbc.sql("insert into mailing_subscriber (alliance_id, email, confirmed_at) select ?, unnest(?::text[]), now()")
			.params(alliances.get(slug).id(), new String[] { victim, other })
			.update();
		long briefing = admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 7, "title", "第7期",
				"publishedOn", "2026-12-05", "body", "<p>先记账，后句点。</p>")).json().get("id").asLong();
		var created = admin.post("/api/v1/briefings/" + briefing + "/mailings", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Mailing(created.json().get("id").asLong(), slug, victim, other);
	}

	/** Sends the mailing with a first sender that dies at {@code point} of the victim's mail, then a fresh one. */
	private void sendDyingAt(Mailing m, Point point) throws Exception {
		Sender first = sender(1);
		CountDownLatch died = new CountDownLatch(1);
		first.hook(new Sender.Hook() {
			@Override
			public void beforeSend(long outboxId, String email) {
			}

			@Override
			public void beforeCommit(long outboxId, String email) {
				die(point == Point.BEFORE_COMMIT, email);
			}

			@Override
			public void beforeDot(long outboxId, String email) {
				die(point == Point.BETWEEN_COMMIT_AND_DOT, email);
			}

			@Override
			public void afterDot(long outboxId, String email) {
				die(point == Point.AFTER_DOT, email);
			}

			private void die(boolean here, String email) {
				if (here && email.equals(m.victim())) {
					died.countDown();
					throw new Killed();
				}
			}
		});
		first.start();
		assertThat(died.await(60, TimeUnit.SECONDS)).as("the first sender reached " + point).isTrue();
		first.halt();
		first.stop();
		Sender fresh = sender(1);
		fresh.start();
		try {
			waitFor(() -> count("status = 'PENDING'", m.id()) == 0, Duration.ofSeconds(60));
			waitFor(() -> count("status = 'SENT' and accepted_at is null", m.id()) <= (point == Point.BEFORE_COMMIT ? 0 : 1),
					Duration.ofSeconds(10));
		}
		finally {
			fresh.stop();
		}
		Thread.sleep(500); // GreenMail stores a mail after its reply
	}

	@Test
	void aSenderKilledBeforeItsCommitDeliversNothingAndTheRowIsSentOnceAfterTheRestart() throws Exception {
		Mailing m = mailing("before");
		sendDyingAt(m, Point.BEFORE_COMMIT);
		assertThat(received(m.id(), m.victim())).isEqualTo(1);
		assertThat(received(m.id(), m.other())).isEqualTo(1);
		assertThat(row(m.id(), m.victim())).isEqualTo(List.of("SENT", true));
		assertThat(count("status = 'SENT' and accepted_at is not null", m.id())).isEqualTo(2);
	}

	@Test
	void aSenderKilledAfterTheFinalDotHasDeliveredTheMailOnceAndItIsNotSentAgain() throws Exception {
		Mailing m = mailing("after");
		sendDyingAt(m, Point.AFTER_DOT);
		assertThat(received(m.id(), m.victim())).isEqualTo(1);
		assertThat(received(m.id(), m.other())).isEqualTo(1);
		// the reply to the dot was never read: delivered, but not known to be
		assertThat(row(m.id(), m.victim())).isEqualTo(List.of("SENT", false));
	}

	@Test
	void aSenderKilledBetweenItsCommitAndTheFinalDotNeverMailsTwiceAndMarksTheRowUnconfirmed() throws Exception {
		Mailing m = mailing("between");
		sendDyingAt(m, Point.BETWEEN_COMMIT_AND_DOT);
		// the remaining window: the server discarded the unended mail and the row is SENT; nobody has it twice
		assertThat(received(m.id(), m.victim())).isZero();
		assertThat(received(m.id(), m.other())).isEqualTo(1);
		assertThat(row(m.id(), m.victim())).isEqualTo(List.of("SENT", false));
		assertThat(admin().get("/api/v1/mailings/" + m.id()).json().get("unconfirmed").asLong()).isEqualTo(1);
	}

	@Test
	void theApiAndTheProgressPageCountTheRowsSentWithoutTheServersReplyAsUnconfirmed() throws Exception {
		Mailing m = mailing("unconfirmed");
		// the state a crash between the commit and the reply to the dot leaves: SENT, accepted_at null
		jdbc.sql("update mailing_outbox set status = 'SENT', sent_at = now(), attempts = 1, "
				+ "accepted_at = case when email = ? then null else now() end where mailing_id = ?")
			.params(m.victim(), m.id())
			.update();
		var progress = admin().get("/api/v1/mailings/" + m.id());
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.json().get("total").asLong()).isEqualTo(2);
		assertThat(progress.json().get("sent").asLong()).isEqualTo(2);
		assertThat(progress.json().get("pending").asLong()).isZero();
		assertThat(progress.json().get("unconfirmed").asLong()).isEqualTo(1);
		var page = FormSession.signIn(port, "admin", ADMIN_PASSWORD).get("/admin/a/" + m.slug() + "/mailings/progress");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<td class=\"unconfirmed\">1</td>");
	}

	@Test
	void aMailRefusedAtTheFinalDotPutsItsCommittedRowBackAsPendingWithBackoff() throws Exception {
		Mailing m = mailing("refused");
		try (RefusingSmtpServer server = new RefusingSmtpServer(RefusingSmtpServer.RefusesAt.FINAL_DOT)) {
			JavaMailSenderImpl refusing = new JavaMailSenderImpl();
			refusing.setHost("127.0.0.1");
			refusing.setPort(server.port());
			Sender sender = sender(dataSource, refusing, 1);
			sender.start();
			try {
				waitFor(() -> count("status = 'PENDING' and attempts = 1 and next_attempt_at > now()", m.id()) == 2,
						Duration.ofSeconds(30));
			}
			finally {
				sender.stop();
			}
			assertThat(server.refusals()).isEqualTo(2);
			assertThat(count("sent_at is null and accepted_at is null and last_error is not null", m.id())).isEqualTo(2);
			assertThat(received(m.id(), m.victim())).isZero();
		}
	}

	private List<Object> row(long mailing, String email) {
		return jdbc.sql("select status, accepted_at is not null from mailing_outbox where mailing_id = ? and email = ?")
			.params(mailing, email).query((rs, i) -> List.<Object>of(rs.getString(1), rs.getBoolean(2))).single();
	}

	private static long received(long mailing, String email) throws Exception {
		long n = 0;
		for (MimeMessage msg : MAIL.getReceivedMessages()) {
			String[] h = msg.getHeader("X-AllianceHub-Mailing");
			if (h != null && h[0].startsWith(mailing + "/")
					&& msg.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email)) {
				n++;
			}
		}
		return n;
	}
}
