package org.alliancehub.mailing.internal;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is left to write once the outbox row is committed: only the final dot. The whole content of a small mail
 * (well under the transport's 8 KB buffer, which on main was written together with the dot, after the commit)
 * has reached the server when the step before the dot runs.
 */
class CommitBeforeDotTests {

	@Test
	void theMailsContentHasReachedTheServerWhenTheStepBeforeTheDotRuns() throws Exception {
		assertThat(CommitBeforeDot.flushesContent()).as("the transport's buffer is reachable").isTrue();
		try (RefusingSmtpServer server = new RefusingSmtpServer(RefusingSmtpServer.RefusesAt.FINAL_DOT)) {
			Properties p = new Properties();
			p.put("mail.smtp.host", "127.0.0.1");
			p.put("mail.smtp.port", String.valueOf(server.port()));
			p.put("mail.smtp.timeout", "5000");
			Session session = Session.getInstance(p);
			CommitBeforeDot transport = new CommitBeforeDot(session, "smtp");
			MimeMessage message = new MimeMessage(session);
			message.setFrom(new InternetAddress("briefings@example.org"));
			message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@example.org"));
			message.setSubject("第140期");
			message.setText("第一段\r\nthe-last-line-of-the-content\r\n", "UTF-8");
			AtomicBoolean arrived = new AtomicBoolean();
			AtomicBoolean ran = new AtomicBoolean();
			transport.beforeDot(() -> {
				ran.set(true);
				long until = System.nanoTime() + 3_000_000_000L;
				while (System.nanoTime() < until && !server.received("the-last-line-of-the-content")) {
					Thread.sleep(10);
				}
				arrived.set(server.received("the-last-line-of-the-content"));
			});
			transport.connect();
			assertThat(transport.sendsWithoutDelay()).as("the dot, a small second write, is not held back by Nagle's algorithm")
				.isTrue();
			try {
				// the server takes the whole mail and refuses it at the dot (451), which is beside the point here
				assertThatThrownBy(() -> transport.sendMessage(message, message.getAllRecipients()))
					.isInstanceOf(MessagingException.class);
			}
			finally {
				transport.close();
			}
			assertThat(ran).isTrue();
			assertThat(arrived).as("the content reached the server before the step (the commit) ran").isTrue();
		}
	}
}
