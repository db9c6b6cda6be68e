package org.alliancehub.transfer;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.Organizations;
import org.alliancehub.platform.Mail;
import org.alliancehub.transfer.internal.DigestLetter;
import org.alliancehub.transfer.internal.NewMatches;
import org.alliancehub.transfer.internal.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The weekly e-mail of new matches (匹配周报): each representative of an organisation that posted demands or
 * achievements gets, once a week, the matches that are new since its organisation's last digest, computed by the
 * matcher as that representative may read them. Each digest is claimed in the database before it is sent, so a
 * rerun in the same week, a second node or a restart sends nobody the same digest twice; a representative switches
 * it off and on in the back office or by the signed link in the mail.
 */
@Service
public class MatchDigests {

	private static final Logger log = LoggerFactory.getLogger(MatchDigests.class);

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Users users;

	private final Organizations organizations;

	private final NewMatches matches;

	private final DigestLetter letters;

	private final UnsubscribeTokens tokens;

	private final Mail mail;

	private final Clock clock;

	MatchDigests(JdbcClient jdbc, Users users, Organizations organizations, NewMatches matches, DigestLetter letters,
			UnsubscribeTokens tokens, Mail mail, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.organizations = organizations;
		this.matches = matches;
		this.letters = letters;
		this.tokens = tokens;
		this.mail = mail;
		this.clock = clock;
	}

	/** What a run did: the week (its Monday), the digests it mailed and the matches they held. */
	public record Run(LocalDate week, int mailed, int matches) {
	}

	/** Writes and sends this week's digests that are not sent yet; the weekly job and the administrator call it. */
	public Run run() {
		long started = System.nanoTime();
		Instant now = clock.instant();
		LocalDate week = LocalDate.ofInstant(now, CHINA).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (!mail.available()) {
			log.info("no mail server: the match digests of the week of {} are not written", week);
			return new Run(week, 0, 0);
		}
		List<Long> posting = jdbc.sql("""
				select organization_id from transfer_demand union select organization_id from transfer_achievement""")
			.query(Long.class)
			.list();
		Map<Long, List<Users.Recipient>> byUser = new LinkedHashMap<>();
		for (Users.Recipient r : users.representativesOf(posting)) {
			byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r);
		}
		Map<Long, NewMatches.Span> spans = new LinkedHashMap<>();
		Map<Long, String> names = organizations.names(posting);
		int mailed = 0;
		int total = 0;
		for (Map.Entry<Long, List<Users.Recipient>> e : byUser.entrySet()) {
			long userId = e.getKey();
			if (!enabled(userId) || claimed(userId, week)) {
				continue;
			}
			Optional<AllianceUser> user = users.current(userId);
			if (user.isEmpty()) {
				continue;
			}
			List<DigestLetter.Section> sections = new ArrayList<>();
			for (Users.Recipient r : e.getValue()) {
				NewMatches.Span span = spans.computeIfAbsent(r.organizationId(), org -> matches.span(org, week, now));
				if (matches.anythingPosted(span)) {
					List<NewMatches.Item> items = matches.of(r.organizationId(), span, user.get(), r.locale());
					if (!items.isEmpty()) {
						sections.add(new DigestLetter.Section(names.getOrDefault(r.organizationId(), ""), items));
					}
				}
			}
			int count = sections.stream().flatMap(s -> s.items().stream()).mapToInt(i -> i.matches().size()).sum();
			if (count > 0 && send(e.getValue().get(0), week, sections, count)) {
				mailed++;
				total += count;
			}
		}
		log.info("match digests of the week of {}: {} mailed with {} matches in {} ms", week, mailed, total,
				(System.nanoTime() - started) / 1_000_000);
		return new Run(week, mailed, total);
	}

	/** Claims the digest (committed at once), sends it, and marks it sent; a failed send gives the claim back. */
	private boolean send(Users.Recipient to, LocalDate week, List<DigestLetter.Section> sections, int count) {
		int claimed = jdbc.sql("insert into transfer_digest_mail (user_id, week) values (?, ?) on conflict do nothing")
			.params(to.userId(), week)
			.update();
		if (claimed == 0) {
			return false;
		}
		// in the language the representative chose
		DigestLetter.Letter letter = letters.write(to.locale(), to.displayName(), sections, tokens.of(to.userId()));
		try {
			mail.send(to.email(), to.locale(), letter.subject(), letter.text(), letter.headers());
		}
		catch (RuntimeException ex) {
			log.warn("the match digest to user {} could not be sent; the next run tries again", to.userId(), ex);
			jdbc.sql("delete from transfer_digest_mail where user_id = ? and week = ? and status = 'CLAIMED'")
				.params(to.userId(), week)
				.update();
			return false;
		}
		jdbc.sql("update transfer_digest_mail set status = 'SENT', sent_at = now(), matches = ? where user_id = ? and week = ?")
			.params(count, to.userId(), week)
			.update();
		return true;
	}

	private boolean claimed(long userId, LocalDate week) {
		return jdbc.sql("select exists(select 1 from transfer_digest_mail where user_id = ? and week = ?)")
			.params(userId, week)
			.query(Boolean.class)
			.single();
	}

	/** Whether the user gets the digest (everyone does until they switch it off). */
	public boolean enabled(long userId) {
		return !jdbc.sql("select exists(select 1 from transfer_digest_optout where user_id = ?)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

	/** Switches the user's digest on or off. */
	public void switchTo(long userId, boolean enabled) {
		if (enabled) {
			jdbc.sql("delete from transfer_digest_optout where user_id = ?").param(userId).update();
		}
		else {
			jdbc.sql("insert into transfer_digest_optout (user_id) values (?) on conflict do nothing").param(userId).update();
		}
	}

	/** Switches off the digest of the user an unsubscribe link was made for; false for a link not made here. */
	public boolean unsubscribe(String token) {
		Optional<Long> user = tokens.verify(token);
		user.ifPresent(id -> switchTo(id, false));
		return user.isPresent();
	}

	/** Whether the token is one of our unsubscribe links. */
	public boolean valid(String token) {
		return tokens.verify(token).isPresent();
	}
}
