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
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.alliancehub.shared.Html;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the outbox. Each worker claims one due row at a time ({@code for update skip locked}, so any
 * number of workers and processes share the outbox without taking the same row) and sends it over its own open
 * SMTP connection ({@link CommitBeforeDot}): MAIL, RCPT, DATA and the content, then, with the final dot held
 * back, it commits the row {@code SENT}, and only then writes the dot and reads the reply. A server discards a
 * mail whose DATA is not ended, so a crash before the commit delivers nothing and the row, rolled back, is sent
 * after the restart; a crash after it finds the dot written or about to be. What is left is the window between
 * the commit and the dot leaving the process (one socket write): a crash exactly there skips that recipient
 * instead of mailing them twice. The server's 250 reply is recorded in {@code accepted_at} (in the worker's next
 * transaction); a {@code SENT} row without it is one whose delivery is unknown, so such skips can be counted
 * and are never silent. Every message also carries a Message-ID made from (mailing, recipient).
 * <p>
 * Transient SMTP failures (4xx, a lost connection) are retried with exponential backoff (30 s, 1, 2, 4 … min,
 * at most {@code MAX_ATTEMPTS} attempts); a rejected address (5xx) fails the row at once. A refusal of the mail
 * after the dot (4xx, 5xx) puts the committed row back the same way. The pace is throttled to
 * {@code perSecond} mails per second over all workers.
 */
public class Sender {

	private static final Logger log = LoggerFactory.getLogger(Sender.class);

	static final int MAX_ATTEMPTS = 6;

	/** Called for each claimed row before it is sent: tests stop a sender there. */
	public interface Hook {

		void beforeSend(long outboxId, String email);

		/** The mail's content is written, the final dot held back, the row not yet committed. */
		default void beforeCommit(long outboxId, String email) {
		}

		/** The row is committed SENT, the final dot not yet written. */
		default void beforeDot(long outboxId, String email) {
		}

		/** The final dot is written, the server's reply not yet read. */
		default void afterDot(long outboxId, String email) {
		}
	}

	private final JdbcClient jdbc;

	private final DataSourceTransactionManager txm;

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

	record Row(long id, long mailingId, long allianceId, long briefingId, String email, int attempts, String language) {
	}

	public Sender(DataSource dataSource, JavaMailSenderImpl mail, Bulletins bulletins, Alliances alliances,
			Subscriptions subscriptions, AllianceHubProperties properties, MessageSource messages, int workers,
			double perSecond) {
		this.jdbc = JdbcClient.create(dataSource);
		this.txm = new DataSourceTransactionManager(dataSource);
		this.tx = new TransactionTemplate(txm);
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
		CommitBeforeDot transport = null;
		List<Long> accepted = new ArrayList<>();
		try {
			while (running) {
				if (paused) {
					Thread.sleep(100);
					continue;
				}
				if (pace != null) {
					pace.asBlocking().consume(1);
				}
				CommitBeforeDot open = transport == null || !transport.isConnected() ? connect(transport) : transport;
				transport = open;
				boolean sentOne;
				try {
					sentOne = sendOne(open, accepted);
				}
				catch (RuntimeException e) {
					if (!running) {
						return;
					}
					log.warn("mailing sender: {}", e.toString());
					close(open);
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
			recordAccepted(accepted);
		}
	}

	/** Records the server's acceptance of the rows a stopping worker has yet to record. */
	private void recordAccepted(List<Long> accepted) {
		if (accepted.isEmpty()) {
			return;
		}
		try {
			jdbc.sql("update mailing_outbox set accepted_at = now() where id = any(?)")
				.param(accepted.toArray(Long[]::new))
				.update();
			accepted.clear();
		}
		catch (RuntimeException e) {
			log.warn("mailing sender: cannot record accepted mails {}: {}", accepted, e.toString());
		}
	}

	/**
	 * Claims one due row and sends it; false when nothing is due. The row is committed {@code SENT} after the
	 * mail's content and before the final dot (see {@link CommitBeforeDot}); the server's reply to the dot is
	 * recorded afterwards ({@code accepted_at}, in the worker's next transaction), or, when the server refuses the
	 * mail, the row is put back (4xx: pending with backoff; 5xx: failed). {@code accepted} holds the rows whose
	 * reply this worker has yet to record.
	 */
	private boolean sendOne(CommitBeforeDot transport, List<Long> accepted) {
		TransactionStatus status = txm.getTransaction(TransactionDefinition.withDefaults());
		boolean[] committed = { false };
		try {
			// The commit that marks the row SENT comes before the dot; it need not wait for the disk: a commit the
			// database server has received survives this process being killed, and only a crash of the database
			// server itself could lose it (then the row is sent again: a duplicate, never a skip).
			jdbc.sql("set local synchronous_commit = off").update();
			// The rows whose acceptance this transaction records; one that another worker's transaction holds is left
			// for a later round rather than waited for: PostgreSQL keeps the lock on a row that a claim below locked
			// and then found no longer pending (committed SENT by this worker meanwhile), until that claim's
			// transaction ends, which may be after a whole send (stop 27: a test's held worker stalled this one).
			List<Long> recording = accepted.isEmpty() ? List.of()
					: jdbc.sql("update mailing_outbox set accepted_at = now() where id in"
							+ " (select id from mailing_outbox where id = any(?) for update skip locked) returning id")
						.param(accepted.toArray(Long[]::new))
						.query(Long.class)
						.list();
			Optional<Row> claimed = jdbc.sql("""
					select o.id, o.mailing_id, m.alliance_id, m.briefing_id, o.email, o.attempts, o.language
					from mailing_outbox o join mailing m on m.id = o.mailing_id
					where o.status = 'PENDING' and o.next_attempt_at <= now()
					order by o.next_attempt_at, o.id limit 1 for update of o skip locked""")
				.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
						rs.getInt(6), rs.getString(7)))
				.optional();
			if (claimed.isEmpty()) {
				txm.commit(status);
				committed[0] = true;
				accepted.removeAll(recording);
				return false;
			}
			Row row = claimed.get();
			hook.beforeSend(row.id(), row.email());
			try {
				MimeMessage message = message(row);
				transport.beforeDot(() -> {
					hook.beforeCommit(row.id(), row.email());
					jdbc.sql("update mailing_outbox set status = 'SENT', sent_at = now(), accepted_at = null, attempts = attempts + 1, last_error = null where id = ?")
						.param(row.id())
						.update();
					txm.commit(status);
					committed[0] = true;
					accepted.removeAll(recording);
					hook.beforeDot(row.id(), row.email());
				});
				transport.afterDot(() -> hook.afterDot(row.id(), row.email()));
				transport.sendMessage(message, message.getAllRecipients());
			}
			catch (MessagingException e) {
				transport.beforeDot(null);
				transport.afterDot(null);
				if (!committed[0]) {
					// nothing was delivered: the dot was never written
					boolean permanent = e instanceof SendFailedException f && f.getInvalidAddresses() != null
							&& f.getInvalidAddresses().length > 0;
					failed(row, e, permanent);
					txm.commit(status);
					committed[0] = true;
					accepted.removeAll(recording);
				}
				else if (e instanceof SMTPSendFailedException f && f.getReturnCode() >= 400) {
					// the server answered the dot with a refusal: the mail was not accepted, the row goes back
					boolean permanent = f.getReturnCode() >= 500;
					tx.executeWithoutResult(s -> {
						jdbc.sql("set local synchronous_commit = off").update();
						failed(row, e, permanent, true);
					});
				}
				else {
					// no reply to the dot: the server may have accepted the mail or not. The row stays SENT without
					// accepted_at (not sent again: that could be a duplicate) and says why.
					String error = "no reply to the end of data, delivery unknown: " + e.getMessage();
					jdbc.sql("update mailing_outbox set last_error = ? where id = ?")
						.params(error.length() > 500 ? error.substring(0, 500) : error, row.id())
						.update();
				}
				if (!(e instanceof SendFailedException)) {
					close(transport);
				}
				return true;
			}
			accepted.add(row.id());
			return true;
		}
		finally {
			if (!committed[0] && !status.isCompleted()) {
				txm.rollback(status);
			}
		}
	}

	private void failed(Row row, Exception e, boolean permanent) {
		failed(row, e, permanent, false);
	}

	/** Records a failed attempt; {@code revert} puts back a row committed SENT whose mail the server refused. */
	private void failed(Row row, Exception e, boolean permanent, boolean revert) {
		int attempts = row.attempts() + 1;
		String status = revert ? ", status = 'PENDING', sent_at = null, accepted_at = null" : "";
		String error = String.valueOf(e.getMessage());
		if (permanent || attempts >= MAX_ATTEMPTS) {
			jdbc.sql("update mailing_outbox set status = 'FAILED', sent_at = null, accepted_at = null, attempts = ?, last_error = ? where id = ?")
				.params(attempts, error.length() > 500 ? error.substring(0, 500) : error, row.id())
				.update();
		}
		else {
			long backoff = 30L << Math.min(attempts - 1, 10);
			jdbc.sql("update mailing_outbox set attempts = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 second'" + status + " where id = ?")
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
		java.util.Locale locale = java.util.Locale.forLanguageTag(row.language());
		String unsubscribe = subscriptions.unsubscribeLink(issue.alliance(), row.email());
		String page = properties.link("/a/" + issue.alliance().slug() + "/briefings/" + issue.briefing().issueNumber())
				+ Mail.languageQuery(locale);
		String messageId = "<briefing-" + row.mailingId() + "-" + row.id() + "@alliancehub.local>";
		MimeMessage message = new MimeMessage(mail.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(new InternetAddress("noreply@alliancehub.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(row.email()));
		// written by the reader's message bundle, and for a reader of Traditional Chinese converted as a whole, the
		// alliance's name and the briefing itself included, as its pages in 繁體 are
		message.setSubject(Mail.forReader(locale, messages.getMessage("mailing.briefing.subject",
				new Object[] { issue.alliance().name(), issue.briefing().issueNumber(), issue.briefing().title() }, locale)),
				"UTF-8");
		message.setText(Mail.forReader(locale, messages.getMessage("mailing.briefing.text", new Object[] { issue.alliance().name(),
				issue.briefing().issueNumber(), issue.briefing().title(), Html.text(issue.briefing().body()), page,
				unsubscribe + Mail.languageQuery(locale) }, locale)), "UTF-8");
		message.setHeader("Content-Language", Mail.language(locale));
		message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		message.setHeader("List-Id", "<briefings." + issue.alliance().slug() + ".alliancehub.local>");
		message.setHeader("X-AllianceHub-Mailing", row.mailingId() + "/" + row.id());
		message.saveChanges();
		return message;
	}

	private CommitBeforeDot connect(@Nullable Transport old) throws MessagingException {
		close(old);
		Session session = mail.getSession();
		CommitBeforeDot t = new CommitBeforeDot(session, mail.getProtocol() == null ? "smtp" : mail.getProtocol());
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
