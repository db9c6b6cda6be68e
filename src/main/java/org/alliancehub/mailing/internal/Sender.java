package org.alliancehub.mailing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Html;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the outbox. Each worker claims one due row at a time ({@code for update skip locked}, so any
 * number of workers and processes share the outbox without taking the same row), sends it over its own open
 * SMTP connection and marks it {@code SENT} in the same transaction: the row stays locked while it is being
 * sent, and the only moment where a crash can make a recipient receive the issue twice is between the SMTP
 * server's acceptance and the commit of that one-row update (one local round trip). A crash anywhere else rolls
 * the claim back and the row is sent after the restart; nobody is skipped. Against the remaining window every
 * message carries a Message-ID made from (mailing, recipient), the same on a resend, so receiving systems can
 * recognise a duplicate.
 * <p>
 * Transient SMTP failures (4xx, a lost connection) are retried with exponential backoff (30 s, 1, 2, 4 … min,
 * at most {@code MAX_ATTEMPTS} attempts); a rejected address (5xx) fails the row at once. The pace is
 * throttled to {@code perSecond} mails per second over all workers.
 */
public class Sender {

	private static final Logger log = LoggerFactory.getLogger(Sender.class);

	static final int MAX_ATTEMPTS = 6;

	/** Called for each claimed row before it is sent: tests stop a sender there. */
	public interface Hook {

		void beforeSend(long outboxId, String email);
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JavaMailSenderImpl mail;

	private final Bulletins bulletins;

	private final Alliances alliances;

	private final Subscriptions subscriptions;

	private final AllianceHubProperties properties;

	private final MessageSource messages;

	private final int workers;

	private final @Nullable Bucket pace;

	private final Map<Long, Issue> issues = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	private volatile boolean paused;

	private volatile Hook hook = (id, email) -> {
	};

	record Issue(Alliance alliance, Briefing briefing) {
	}

	record Row(long id, long mailingId, long allianceId, long briefingId, String email, int attempts) {
	}

	public Sender(DataSource dataSource, JavaMailSenderImpl mail, Bulletins bulletins, Alliances alliances,
			Subscriptions subscriptions, AllianceHubProperties properties, MessageSource messages, int workers,
			double perSecond) {
		this.jdbc = JdbcClient.create(dataSource);
		this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.mail = mail;
		this.bulletins = bulletins;
		this.alliances = alliances;
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.messages = messages;
		this.workers = workers;
		this.pace = perSecond <= 0 ? null : Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(Math.max(1, (long) perSecond))
				.refillGreedy(Math.max(1, (long) perSecond), Duration.ofSeconds(1))
				.build())
			.build();
	}

	public void hook(Hook hook) {
		this.hook = hook;
	}

	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		for (int i = 0; i < workers; i++) {
			Thread t = new Thread(this::work, "mailing-sender-" + i);
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
	}

	/** Stops taking rows; a row being sent is finished. */
	public synchronized void stop() {
		running = false;
		for (Thread t : threads) {
			t.interrupt();
		}
		for (Thread t : threads) {
			try {
				t.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	/** Ends the workers where they are, without waiting or cleaning up: a crash, for tests. */
	void halt() {
		running = false;
	}

	public boolean isRunning() {
		return running;
	}

	public void pause(boolean paused) {
		this.paused = paused;
	}

	private void work() {
		Transport transport = null;
		try {
			while (running) {
				if (paused) {
					Thread.sleep(100);
					continue;
				}
				if (pace != null) {
					pace.asBlocking().consume(1);
				}
				Transport open = transport == null || !transport.isConnected() ? connect(transport) : transport;
				transport = open;
				boolean sentOne;
				try {
					sentOne = Boolean.TRUE.equals(tx.execute(s -> sendOne(open)));
				}
				catch (RuntimeException e) {
					if (!running) {
						return;
					}
					log.warn("mailing sender: {}", e.toString());
					sentOne = false;
				}
				if (!sentOne) {
					Thread.sleep(250);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (MessagingException e) {
			log.warn("mailing sender cannot reach the mail server: {}", e.toString());
			if (running) {
				sleepQuietly(5000);
				new Thread(this::work, Thread.currentThread().getName()).start();
			}
		}
		finally {
			close(transport);
		}
	}

	/** Claims one due row, sends it and marks it; false when nothing is due. */
	private boolean sendOne(Transport transport) {
		// The commit that marks the row SENT is the end of the window in which a crash of this process makes a
		// duplicate; it need not wait for the disk: a commit the server has received survives this process
		// being killed, and only a crash of the database server itself could lose it (then the row is sent
		// again, never skipped). Measured with kill -9 mid-send (bench/mailing): see the README.
		jdbc.sql("set local synchronous_commit = off").update();
		Optional<Row> claimed = jdbc.sql("""
				select o.id, o.mailing_id, m.alliance_id, m.briefing_id, o.email, o.attempts
				from mailing_outbox o join mailing m on m.id = o.mailing_id
				where o.status = 'PENDING' and o.next_attempt_at <= now()
				order by o.next_attempt_at, o.id limit 1 for update of o skip locked""")
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					rs.getInt(6)))
			.optional();
		if (claimed.isEmpty()) {
			return false;
		}
		Row row = claimed.get();
		hook.beforeSend(row.id(), row.email());
		try {
			MimeMessage message = message(row);
			transport.sendMessage(message, message.getAllRecipients());
		}
		catch (SendFailedException e) {
			boolean permanent = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
			failed(row, e, permanent);
			return true;
		}
		catch (MessagingException e) {
			failed(row, e, false);
			close(transport);
			return true;
		}
		jdbc.sql("update mailing_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null where id = ?")
			.param(row.id())
			.update();
		return true;
	}

	private void failed(Row row, Exception e, boolean permanent) {
		int attempts = row.attempts() + 1;
		String error = String.valueOf(e.getMessage());
		if (permanent || attempts >= MAX_ATTEMPTS) {
			jdbc.sql("update mailing_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
				.params(attempts, error.length() > 500 ? error.substring(0, 500) : error, row.id())
				.update();
		}
		else {
			long backoff = 30L << Math.min(attempts - 1, 10);
			jdbc.sql("update mailing_outbox set attempts = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 second' where id = ?")
				.params(attempts, error.length() > 500 ? error.substring(0, 500) : error, backoff, row.id())
				.update();
		}
	}

	/** The mail of one briefing to one recipient, with its one-click unsubscribe and its stable Message-ID. */
	MimeMessage message(Row row) throws MessagingException {
		Issue issue = issues.computeIfAbsent(row.mailingId(), m -> {
			if (issues.size() > 50) {
				issues.clear();
			}
			return new Issue(alliances.get(row.allianceId()), bulletins.briefingById(row.briefingId()).orElseThrow());
		});
		java.util.Locale locale = java.util.Locale.SIMPLIFIED_CHINESE;
		String unsubscribe = subscriptions.unsubscribeLink(issue.alliance(), row.email());
		String page = properties.link("/a/" + issue.alliance().slug() + "/briefings/" + issue.briefing().issueNumber());
		String messageId = "<briefing-" + row.mailingId() + "-" + row.id() + "@alliancehub.local>";
		MimeMessage message = new MimeMessage(mail.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(new InternetAddress("noreply@alliancehub.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(row.email()));
		message.setSubject(messages.getMessage("mailing.briefing.subject",
				new Object[] { issue.alliance().name(), issue.briefing().issueNumber(), issue.briefing().title() }, locale),
				"UTF-8");
		message.setText(messages.getMessage("mailing.briefing.text", new Object[] { issue.alliance().name(),
				issue.briefing().issueNumber(), issue.briefing().title(), Html.text(issue.briefing().body()), page,
				unsubscribe }, locale), "UTF-8");
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("List-Id", "<briefings." + issue.alliance().slug() + ".alliancehub.local>");
		message.setHeader("X-AllianceHub-Mailing", row.mailingId() + "/" + row.id());
		message.saveChanges();
		return message;
	}

	private Transport connect(@Nullable Transport old) throws MessagingException {
		close(old);
		Session session = mail.getSession();
		Transport t = session.getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
		t.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
		return t;
	}

	private static void close(@Nullable Transport t) {
		if (t != null) {
			try {
				t.close();
			}
			catch (MessagingException e) {
				// gone already
			}
		}
	}

	private static void sleepQuietly(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
