package org.alliancehub.survey.internal;

import org.alliancehub.survey.SurveyStatus;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.alliancehub.identity.Users;
import org.alliancehub.shared.Invalid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.alliancehub.platform.Mail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders by e-mail to the representatives of the organisations that have not submitted their answer
 * yet: when the secretariat asks, and by itself each morning for the surveys whose deadline is a few days
 * away ({@code alliancehub.survey.reminder-days}, 3 by default; 0 turns it off), once a day at most.
 */
@Service
public class SurveyReminders {

	private static final Logger log = LoggerFactory.getLogger(SurveyReminders.class);

	private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final int daysBefore;

	private final org.alliancehub.platform.AllianceHubProperties properties;

	SurveyReminders(JdbcClient jdbc, Surveys surveys, Users users, Mail mail,
			MessageSource messages, @Value("${alliancehub.survey.reminder-days:3}") int daysBefore,
			org.alliancehub.platform.AllianceHubProperties properties) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.daysBefore = daysBefore;
	}

	/** How many e-mails went out, to how many organisations, and how many of them have no one to write to. */
	public record Sent(int emails, int organizations, int organizationsWithoutAddress) {
	}

	/** Reminds every organisation that has not submitted; for the survey's secretariat, while it is published. */
	@Transactional
	public Sent remind(long surveyId) {
		SurveyView s = surveys.get(surveyId);
		if (s.status() != SurveyStatus.PUBLISHED) {
			throw new org.alliancehub.shared.Conflict("only a published survey's recipients are reminded");
		}
		if (!mail.available()) {
			throw Invalid.field("mail", "no mail server is configured (spring.mail.host)");
		}
		return send(s, false);
	}

	private Sent send(SurveyView s, boolean onlyNotToday) {
		List<Long> waiting = jdbc.sql("""
				select r.organization_id from survey_recipient r
				left join survey_response p on p.survey_id = r.survey_id and p.organization_id = r.organization_id
				where r.survey_id = ? and (p.status is null or p.status <> 'SUBMITTED')
				  and (? = false or r.last_reminded_at is null or r.last_reminded_at < now() - interval '20 hours')""")
			.params(s.id(), onlyNotToday)
			.query(Long.class)
			.list();
		List<Users.Recipient> recipients = users.representativesOf(waiting);
		String deadline = s.deadline().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(MAIL_TIME);
		for (Users.Recipient r : recipients) {
			mail.send(r.email(), r.locale(), text(r.locale(), "survey.reminder.subject", s.title()),
					text(r.locale(), "survey.reminder.body", r.displayName(), s.title(), s.period(), deadline,
						properties.link("/surveys/" + s.id() + "/answer/" + r.organizationId())));
		}
		if (!waiting.isEmpty()) {
			jdbc.sql("update survey_recipient set reminders = reminders + 1, last_reminded_at = now() where survey_id = ? and organization_id = any(?)")
				.params(s.id(), waiting.toArray(Long[]::new))
				.update();
		}
		long reached = recipients.stream().map(Users.Recipient::organizationId).distinct().count();
		return new Sent(recipients.size(), waiting.size(), (int) (waiting.size() - reached));
	}

	/** Each morning, the surveys whose deadline comes within the configured days remind those still to answer. */
	@Scheduled(cron = "${alliancehub.survey.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "survey.reminders", lockAtMostFor = "PT30M")
	@Transactional
	public void remindBeforeDeadlines() {
		if (daysBefore <= 0 || !mail.available()) {
			return;
		}
		List<Long> due = jdbc.sql("select id from survey where status = 'PUBLISHED' and deadline > now() and deadline < ?")
			.param(OffsetDateTime.now().plusDays(daysBefore))
			.query(Long.class)
			.list();
		for (long id : due) {
			SurveyView s = surveys.findRaw(id);
			if (s != null) {
				Sent sent = send(s, true);
				log.info("survey {}: reminded {} organisations ({} e-mails)", id, sent.organizations(), sent.emails());
			}
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
