package org.alliancehub.certification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancehub.identity.Users;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces certificates that expire soon, by e-mail to the holder's representatives and the issuing alliance's
 * secretariat (its contact address). The thresholds are {@code alliancehub.certification.reminder-days} (30 and 7
 * by default; empty turns reminders off): a valid certificate with at most that many days left is announced once
 * per threshold, which {@code certification_reminder} remembers, so a run that comes late or twice sends nothing
 * twice. A certificate first seen with 5 days left is announced once and counts for both thresholds.
 */
@Component
public class ExpiryReminders {

	private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

	private final JdbcClient jdbc;

	private final Users users;

	private final Alliances alliances;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	private final Clock clock;

	private final List<Integer> thresholds;

	ExpiryReminders(JdbcClient jdbc, Users users, Alliances alliances, Mail mail, MessageSource messages,
			AllianceHubProperties properties, Clock clock,
			@Value("${alliancehub.certification.reminder-days:30,7}") String thresholds) {
		this.jdbc = jdbc;
		this.users = users;
		this.alliances = alliances;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.thresholds = Arrays.stream(thresholds.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Integer::valueOf)
			.filter(d -> d > 0)
			.sorted()
			.toList();
	}

	/** One certificate announced: its number and how many e-mails went out for it. */
	public record Announced(String number, int emails) {
	}

	@Scheduled(cron = "${alliancehub.certification.reminder-cron:0 30 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "certification.expiry-reminders", lockAtMostFor = "PT30M")
	public void daily() {
		remind(LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
	}

	/** Announces what expires within the thresholds as seen on {@code today}; each certificate once per threshold. */
	@Transactional
	public List<Announced> remind(LocalDate today) {
		if (thresholds.isEmpty()) {
			return List.of();
		}
		int widest = thresholds.get(thresholds.size() - 1);
		record Due(long id, String number, long allianceId, long holder, String holderName, String subject,
				LocalDate validUntil) {
		}
		List<Due> due = jdbc.sql("""
				select c.id, c.number, c.alliance_id, c.holder_organization_id, c.holder_name, c.subject, c.valid_until
				from certification_certificate c
				where c.valid_until >= ? and c.valid_until <= ?
				  and (select s.status from certification_status_change s where s.certificate_id = c.id and s.effective_on <= ?
				       order by s.seq desc limit 1) = 'VALID'
				order by c.valid_until, c.id""")
			.params(today, today.plusDays(widest), today)
			.query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
		List<Announced> announced = new ArrayList<>();
		for (Due d : due) {
			long left = java.time.temporal.ChronoUnit.DAYS.between(today, d.validUntil());
			boolean fresh = false;
			for (int t : thresholds) {
				if (left <= t) {
					fresh |= jdbc.sql("""
							insert into certification_reminder (certificate_id, threshold_days) values (?, ?)
							on conflict do nothing""")
						.params(d.id(), t)
						.update() == 1;
				}
			}
			if (!fresh) {
				continue;
			}
			Alliance a = alliances.get(d.allianceId());
			Map<String, String> to = new java.util.LinkedHashMap<>();
			// each in the language its reader chose; an address no user has reads Simplified Chinese
			Map<String, Locale> readers = new java.util.HashMap<>();
			for (Users.Recipient r : users.representativesOf(List.of(d.holder()))) {
				to.putIfAbsent(r.email(), r.displayName());
				readers.putIfAbsent(r.email(), r.locale());
			}
			@Nullable String secretariat = a.contact() == null ? null : a.contact().email();
			if (secretariat != null && !secretariat.isBlank()) {
				to.putIfAbsent(secretariat, a.displayShortName());
				users.localesOf(List.of(secretariat)).forEach(readers::putIfAbsent);
			}
			int sent = 0;
			if (mail.available()) {
				for (var e : to.entrySet()) {
					Locale l = readers.getOrDefault(e.getKey(), Locale.SIMPLIFIED_CHINESE);
					if (mail.send(e.getKey(), l, text(l, "cert.mail.expiry.subject", d.number(), left),
							text(l, "cert.mail.expiry.body", e.getValue(), d.holderName(), d.subject(), d.number(),
									d.validUntil().toString(), left, properties.link("/certificates/" + d.number())))) {
						sent++;
					}
				}
			}
			else {
				log.info("no mail server: expiry of certificate {} is not mailed", d.number());
			}
			announced.add(new Announced(d.number(), sent));
		}
		return announced;
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
