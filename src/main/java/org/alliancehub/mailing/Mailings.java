package org.alliancehub.mailing;

import java.util.List;
import java.util.Map;

import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.platform.Mail;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mailings of briefing issues. Creating one snapshots its recipients into the outbox in the same transaction:
 * the alliance's confirmed subscribers and the representatives of its active members, less every address that
 * unsubscribed, each with the language it reads the mail in. An issue is mailed once (a second mailing would reach everyone again: 409).
 */
@Service
public class Mailings {

	private final JdbcClient jdbc;

	private final Bulletins bulletins;

	private final Memberships memberships;

	private final Users users;

	Mailings(JdbcClient jdbc, Bulletins bulletins, Memberships memberships, Users users) {
		this.jdbc = jdbc;
		this.bulletins = bulletins;
		this.memberships = memberships;
		this.users = users;
	}

	@Transactional
	public Mailing create(long briefingId, @Nullable Long createdBy) {
		Briefing b = bulletins.briefingById(briefingId).orElseThrow(() -> new NotFound("briefing " + briefingId));
		long id;
		try {
			id = jdbc.sql("insert into mailing (alliance_id, briefing_id, issue_number, title, created_by) values (?, ?, ?, ?, ?) returning id")
				.params(b.allianceId(), b.id(), b.issueNumber(), b.title(), createdBy)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("briefing " + briefingId + " has already been mailed");
		}
		List<Long> organizations = memberships.members(b.allianceId(), null, MembershipStatus.ACTIVE)
			.stream()
			.map(Member::organizationId)
			.toList();
		// each representative's address once, in the language of the first account found with it
		Map<String, String> representatives = new java.util.LinkedHashMap<>();
		for (Users.Recipient r : users.representativesOf(organizations)) {
			if (r.email() != null && !r.email().isBlank()) {
				representatives.putIfAbsent(r.email().strip(), Mail.language(r.locale()));
			}
		}
		// an address both subscribed and a representative's gets one mail, in the language its account reads
		jdbc.sql("""
				insert into mailing_outbox (mailing_id, email, language)
				select ?, x.e, x.l from (
				  select distinct on (lower(y.e)) y.e, y.l from (
				    select unnest(?::text[]) as e, unnest(?::text[]) as l, 0 as p
				    union all
				    select email, language, 1 from mailing_subscriber
				    where alliance_id = ? and confirmed_at is not null and unsubscribed_at is null) y
				  order by lower(y.e), y.p, y.e) x
				where not exists (select 1 from mailing_subscriber s where s.alliance_id = ? and lower(s.email) = lower(x.e)
				  and s.unsubscribed_at is not null)
				order by x.e
				on conflict do nothing""")
			.params(id, representatives.keySet().toArray(String[]::new), representatives.values().toArray(String[]::new),
					b.allianceId(), b.allianceId())
			.update();
		return get(id);
	}

	public Mailing get(long id) {
		return jdbc.sql(SELECT + " where m.id = ? group by m.id")
			.param(id)
			.query(Mailings::mailing)
			.optional()
			.orElseThrow(() -> new NotFound("mailing " + id));
	}

	/** The mailings of an alliance, newest first. */
	public List<Mailing> ofAlliance(long allianceId) {
		return jdbc.sql(SELECT + " where m.alliance_id = ? group by m.id order by m.id desc limit 200")
			.param(allianceId)
			.query(Mailings::mailing)
			.list();
	}

	/** The outbox by state, over all mailings: how many messages wait, went out, or failed for good (for metrics). */
	public Map<String, Long> outbox() {
		Map<String, Long> counts = new java.util.TreeMap<>(Map.of("PENDING", 0L, "SENT", 0L, "FAILED", 0L));
		jdbc.sql("select status, count(*) from mailing_outbox group by status")
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private static final String SELECT = """
			select m.id, m.alliance_id, m.briefing_id, m.issue_number, m.title, m.created_at, count(o.id),
			count(o.id) filter (where o.status = 'SENT'), count(o.id) filter (where o.status = 'FAILED'),
			count(o.id) filter (where o.status = 'PENDING'),
			count(o.id) filter (where o.status = 'SENT' and o.accepted_at is null)
			from mailing m left join mailing_outbox o on o.mailing_id = m.id""";

	private static Mailing mailing(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Mailing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
				rs.getObject(6, java.time.OffsetDateTime.class), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
				rs.getLong(11));
	}
}
