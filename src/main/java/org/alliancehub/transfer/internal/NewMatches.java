package org.alliancehub.transfer.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.alliancehub.identity.AllianceUser;
import org.alliancehub.network.Alliances;
import org.alliancehub.transfer.MatchView;
import org.alliancehub.transfer.TechnologyTransfer;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The matches that are new for an organisation in a week's digest: for each of its own demands and achievements,
 * what the real matcher finds, as one of its representatives may read it, that involves a posting of the span the
 * digest covers (the other side posted in it, or the organisation's own object itself). Nothing is stored but the
 * span.
 */
@Component
public class NewMatches {

	/** How many new matches one object lists at most. */
	static final int PER_OBJECT = 5;

	private static final int CANDIDATES = 200;

	private final JdbcClient jdbc;

	private final TechnologyTransfer transfer;

	private final Alliances alliances;

	NewMatches(JdbcClient jdbc, TechnologyTransfer transfer, Alliances alliances) {
		this.jdbc = jdbc;
		this.transfer = transfer;
		this.alliances = alliances;
	}

	/** The postings a digest covers: after {@code since}, up to and with {@code until}. */
	public record Span(Instant since, Instant until) {
	}

	/** One of the organisation's own objects with its new matches, best first; {@code path} is its page. */
	public record Item(boolean demand, long id, String title, String path, List<MatchView> matches) {
	}

	/**
	 * The span of an organisation's digest of a week: recorded by the first run of the week (after the previous
	 * digest's span, or the last seven days for a first one), read back by every later run and every other node.
	 */
	public Span span(long organizationId, LocalDate week, Instant now) {
		jdbc.sql("""
				insert into transfer_digest_round (organization_id, week, since, until)
				values (?, ?, coalesce((select max(until) from transfer_digest_round where organization_id = ? and week < ?), ?), ?)
				on conflict do nothing""")
			.params(organizationId, week, organizationId, week, Timestamp.from(now.minus(Duration.ofDays(7))),
					Timestamp.from(now))
			.update();
		return jdbc.sql("select since, until from transfer_digest_round where organization_id = ? and week = ?")
			.params(organizationId, week)
			.query((rs, i) -> new Span(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** Whether anything was posted in the span at all (else no match can be new). */
	public boolean anythingPosted(Span span) {
		return jdbc.sql("""
				select exists(select 1 from transfer_demand where created_at > ? and created_at <= ?)
				    or exists(select 1 from transfer_achievement where created_at > ? and created_at <= ?)""")
			.params(ts(span.since()), ts(span.until()), ts(span.since()), ts(span.until()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The organisation's objects with their new matches, computed as the representative {@code as} reads them, with
	 * the reasons worded in the language the representative reads.
	 */
	public List<Item> of(long organizationId, Span span, AllianceUser as, Locale reader) {
		return as(as, reader, () -> {
			List<Item> items = new ArrayList<>();
			items.addAll(items(true, organizationId, span));
			items.addAll(items(false, organizationId, span));
			return items;
		});
	}

	private List<Item> items(boolean demands, long organizationId, Span span) {
		String own = demands ? "transfer_demand" : "transfer_achievement";
		String other = demands ? "transfer_achievement" : "transfer_demand";
		record Own(long id, long allianceId, String title, Instant created) {
		}
		List<Own> mine = jdbc.sql("select id, alliance_id, title, created_at from " + own
				+ " where organization_id = ? and created_at <= ? order by id")
			.params(organizationId, ts(span.until()))
			.query((rs, i) -> new Own(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
		if (mine.isEmpty()) {
			return List.of();
		}
		Set<Long> fresh = Set.copyOf(jdbc.sql("select id from " + other
				+ " where created_at > ? and created_at <= ? and organization_id <> ?")
			.params(ts(span.since()), ts(span.until()), organizationId)
			.query(Long.class)
			.list());
		Set<Long> ownOthers = Set.copyOf(jdbc.sql("select id from " + other + " where organization_id = ?")
			.param(organizationId)
			.query(Long.class)
			.list());
		Map<Long, String> slugs = alliances.slugs(mine.stream().map(Own::allianceId).distinct().toList());
		List<Item> out = new ArrayList<>();
		for (Own o : mine) {
			boolean ownIsNew = o.created().isAfter(span.since());
			if (!ownIsNew && fresh.isEmpty()) {
				continue;
			}
			List<MatchView> all = demands ? transfer.matchesForDemand(o.id(), CANDIDATES)
					: transfer.matchesForAchievement(o.id(), CANDIDATES);
			List<MatchView> news = all.stream()
				.filter(m -> !ownOthers.contains(m.id()) && (ownIsNew || fresh.contains(m.id())))
				.limit(PER_OBJECT)
				.toList();
			if (!news.isEmpty()) {
				String path = "/a/" + slugs.getOrDefault(o.allianceId(), "") + (demands ? "/demands/" : "/achievements/")
						+ o.id();
				out.add(new Item(demands, o.id(), o.title(), path, news));
			}
		}
		return out;
	}

	/**
	 * Runs the matcher as the recipient, so that it reads only what the recipient may read, and words its reasons
	 * in the recipient's language; the caller's own security context and language are put back afterwards.
	 */
	private static <T> T as(AllianceUser user, Locale reader, Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		LocaleContext locale = LocaleContextHolder.getLocaleContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		LocaleContextHolder.setLocale(reader);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
			LocaleContextHolder.setLocaleContext(locale);
		}
	}

	private static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}
}
