package org.alliancehub.standards.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.alliancehub.identity.Users;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning, the comment periods that end within {@code alliancehub.standards.reminder-days} are announced by
 * e-mail to the secretariat (the alliance's contact address) and the representatives of the drafting units, so
 * that the comments are answered in time. Once per period: a standard is claimed before anything is sent, so a
 * second run (or a second instance) sends nothing more; a new period is announced again.
 */
@Service
public class CommentReminders {

	private static final Logger log = LoggerFactory.getLogger(CommentReminders.class);

	private final JdbcClient jdbc;

	private final Workflow workflow;

	private final Alliances alliances;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	private final StandardsSettings settings;

	private final Clock clock;

	CommentReminders(JdbcClient jdbc, Workflow workflow, Alliances alliances, Users users, Mail mail, MessageSource messages,
			AllianceHubProperties properties, StandardsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.workflow = workflow;
		this.alliances = alliances;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
	}

	/** The daily run, on one node at a time. */
	@Scheduled(cron = "${alliancehub.standards.reminder-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "standards.comment-reminders", lockAtMostFor = "PT30M")
	@Transactional
	public void remindOnSchedule() {
		// ShedLock takes its lock only around methods that answer nothing; the count is for direct callers
		remindBeforeCommentPeriodsEnd();
	}

	/** Sends the reminders due today; answers how many e-mails went out. */
	@Transactional
	public int remindBeforeCommentPeriodsEnd() {
		if (settings.reminderDays() <= 0 || !mail.available()) {
			return 0;
		}
		LocalDate today = LocalDate.now(clock.withZone(Workflow.CHINA));
		List<Long> due = jdbc.sql("""
				update standards_standard set comment_reminded_at = now()
				where stage = 'COMMENT' and comment_reminded_at is null and comment_to >= ? and comment_to <= ?
				returning id""")
			.params(today, today.plusDays(settings.reminderDays()))
			.query(Long.class)
			.list();
		int sent = 0;
		for (long id : due) {
			var s = workflow.view(id);
			Alliance a = alliances.get(s.alliance());
			Set<String> to = new LinkedHashSet<>();
			if (a.contact().email() != null && !a.contact().email().isBlank()) {
				to.add(a.contact().email().strip());
			}
			users.representativesOf(workflow.draftingOrganizations(id)).forEach(r -> to.add(r.email()));
			long open = s.unanswered();
			// each in the language its user chose; an address no user has reads Simplified Chinese
			java.util.Map<String, Locale> readers = users.localesOf(to);
			for (String address : to) {
				Locale l = readers.getOrDefault(address, Locale.SIMPLIFIED_CHINESE);
				if (mail.send(address, l, text(l, "standards.reminder.subject", s.title()), text(l, "standards.reminder.body", s.title(),
						String.valueOf(s.commentTo()), s.comments().size(), open, properties.link(s.url())))) {
					sent++;
				}
			}
			log.info("standard {}: comment period ends {}, reminded {} addresses", id, s.commentTo(), to.size());
		}
		return sent;
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
