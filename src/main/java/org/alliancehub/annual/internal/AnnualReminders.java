package org.alliancehub.annual.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.alliancehub.annual.AnnualReports;
import org.alliancehub.annual.AnnualReports.StatusLine;
import org.alliancehub.identity.Users;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.alliancehub.shared.Invalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders by e-mail to the secretariats that have not submitted their annual report: when the network
 * asks, and by itself each morning for a request whose deadline is a few days away
 * ({@code alliancehub.annual.reminder-days}, 7 by default; 0 turns it off), once a day at most per alliance.
 * The survey module's reminders cannot be called for this (they are its internals and write to the
 * representatives of a survey's recipient organisations, not to secretariats); this follows their pattern:
 * the same schedule, the same once-a-day guard, the same mail service and message bundles.
 */
@Service
public class AnnualReminders {

	private static final Logger log = LoggerFactory.getLogger(AnnualReminders.class);

	private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final AnnualReports reports;

	private final Alliances alliances;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	private final Clock clock;

	private final int daysBefore;

	AnnualReminders(JdbcClient jdbc, AnnualReports reports, Alliances alliances, Users users, Mail mail,
			MessageSource messages, AllianceHubProperties properties, Clock clock,
			@Value("${alliancehub.annual.reminder-days:7}") int daysBefore) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.alliances = alliances;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.daysBefore = daysBefore;
	}

	/** How many e-mails went out, to how many alliances, and how many of them have no one to write to. */
	public record Sent(int emails, int alliances, int alliancesWithoutAddress) {
	}

	/** Reminds every alliance that has not submitted its report of the year, while the request is open. */
	@Transactional
	public Sent remind(int year) {
		AnnualReports.ReportRequest r = reports.requestOf(year);
		if (!r.open()) {
			throw new org.alliancehub.shared.Conflict("the deadline has passed");
		}
		if (!mail.available()) {
			throw Invalid.field("mail", "no mail server is configured (spring.mail.host)");
		}
		return send(year, r.deadline(), false);
	}

	private Sent send(int year, OffsetDateTime deadline, boolean onlyNotToday) {
		List<String> waitingSlugs = reports.status(year).stream().filter(s -> !"SUBMITTED".equals(s.status()))
			.map(StatusLine::alliance).toList();
		List<Alliance> waiting = waitingSlugs.stream().map(alliances::get).toList();
		if (onlyNotToday && !waiting.isEmpty()) {
			List<Long> today = jdbc.sql("""
					select alliance_id from annual_report where year = ? and last_reminded_at > now() - interval '20 hours'""")
				.param(year).query(Long.class).list();
			waiting = waiting.stream().filter(a -> !today.contains(a.id())).toList();
		}
		List<Long> ids = waiting.stream().map(Alliance::id).toList();
		List<Users.Recipient> recipients = users.secretariatsOf(ids);
		String when = deadline.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(MAIL_TIME);
		for (Users.Recipient r : recipients) {
			Alliance a = alliances.get(r.organizationId());
			mail.send(r.email(), r.locale(), text(r.locale(), "annual.reminder.subject", String.valueOf(year)),
					text(r.locale(), "annual.reminder.body", r.displayName(), a.name(), String.valueOf(year), when,
						properties.link("/admin/a/" + a.slug() + "/annual-reports/" + year)));
		}
		for (Long id : ids) {
			jdbc.sql("""
					insert into annual_report (alliance_id, year, reminders, last_reminded_at) values (?, ?, 1, now())
					on conflict (alliance_id, year) do update set reminders = annual_report.reminders + 1, last_reminded_at = now()""")
				.params(id, year).update();
		}
		long reached = recipients.stream().map(Users.Recipient::organizationId).distinct().count();
		return new Sent(recipients.size(), ids.size(), (int) (ids.size() - reached));
	}

	/** Each morning, a request whose deadline comes within the configured days reminds those still to submit. */
	@Scheduled(cron = "${alliancehub.annual.reminder-cron:0 5 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "annual.reminders", lockAtMostFor = "PT30M")
	@Transactional
	public void remindBeforeDeadlines() {
		if (daysBefore <= 0 || !mail.available()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Integer> due = jdbc.sql("select year from annual_report_request where deadline > ? and deadline < ?")
			.params(now, now.plusDays(daysBefore)).query(Integer.class).list();
		for (int year : due) {
			Sent sent = send(year, reports.requestOf(year).deadline(), true);
			log.info("annual reports {}: reminded {} alliances ({} e-mails)", year, sent.alliances(), sent.emails());
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
