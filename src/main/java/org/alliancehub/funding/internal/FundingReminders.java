package org.alliancehub.funding.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.alliancehub.funding.FundingPlans;
import org.alliancehub.funding.FundingPlans.Overdue;
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
 * Each morning, the payers of approved plans who have not paid in full by their due date are reminded by e-mail:
 * an alliance through its secretariat's users and its contact address, an organisation through its representatives.
 * Round 1 goes on the due date or the first morning after it, round 2 {@code reminder-interval-days} later, and so
 * on; a round is claimed in {@code funding_reminder} before anything is sent, so a second run (or a second
 * instance) sends nothing more in the same round, and whoever has paid in full is not reminded at all.
 */
@Service
public class FundingReminders {

	private static final Logger log = LoggerFactory.getLogger(FundingReminders.class);

	private final JdbcClient jdbc;

	private final FundingPlans plans;

	private final Alliances alliances;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	private final FundingSettings settings;

	FundingReminders(JdbcClient jdbc, FundingPlans plans, Alliances alliances, Users users, Mail mail, MessageSource messages,
			AllianceHubProperties properties, FundingSettings settings) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.alliances = alliances;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.settings = settings;
	}

	/** The daily run, on one node at a time. */
	@Scheduled(cron = "${alliancehub.funding.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "funding.reminders", lockAtMostFor = "PT30M")
	@Transactional
	public void remindOnSchedule() {
		// ShedLock takes its lock only around methods that answer nothing; the count is for direct callers
		remindPayers();
	}

	/** Sends the reminders due today; answers how many e-mails went out. */
	@Transactional
	public int remindPayers() {
		if (settings.reminderIntervalDays() <= 0 || !mail.available()) {
			return 0;
		}
		LocalDate today = plans.today();
		int sent = 0;
		for (Overdue o : plans.overdue(today)) {
			int round = (int) (ChronoUnit.DAYS.between(o.dueOn(), today) / settings.reminderIntervalDays()) + 1;
			Set<String> to = recipients(o);
			int claimed = jdbc.sql("""
					insert into funding_reminder (contribution_id, round, outstanding, recipients) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(o.contributionId(), round, o.outstanding(), to.size())
				.update();
			if (claimed == 0) {
				continue;
			}
			// each in the language its user chose; an address no user has reads Simplified Chinese
			java.util.Map<String, Locale> readers = users.localesOf(to);
			for (String address : to) {
				Locale l = readers.getOrDefault(address, Locale.SIMPLIFIED_CHINESE);
				if (mail.send(address, l, text(l, "funding.reminder.subject", String.valueOf(o.year()), o.planTitle()), text(l, "funding.reminder.body",
						o.planTitle(), plain(o.due()), plain(o.outstanding()), String.valueOf(o.dueOn()),
						properties.link("/admin/funding/statements/" + o.contributionId())))) {
					sent++;
				}
			}
			log.info("funding contribution {}: round {} reminded {} addresses", o.contributionId(), round, to.size());
		}
		return sent;
	}

	private Set<String> recipients(Overdue o) {
		Set<String> to = new LinkedHashSet<>();
		if (o.allianceId() != null) {
			users.secretariatsOf(List.of(o.allianceId())).forEach(r -> to.add(r.email()));
			Alliance a = alliances.get(o.allianceId());
			if (a.contact().email() != null && !a.contact().email().isBlank()) {
				to.add(a.contact().email().strip());
			}
		}
		else {
			users.representativesOf(List.of(o.organizationId())).forEach(r -> to.add(r.email()));
		}
		return to;
	}

	private static String plain(BigDecimal b) {
		return b.toPlainString();
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
