package org.alliancehub.governance.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The meetings' waiting work: for a secretariat, its meetings coming (with the replies and check-ins so far),
 * and the minutes to approve; for a representative, the invitations to reply to
 * and the open motions its organisation has not voted on, at a meeting or by correspondence (通讯表决). One
 * statement for each side.
 */
@Component
class GovernanceWork implements WaitingWork {

	private final JdbcClient jdbc;

	GovernanceWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "governance";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (!scope.allianceIds().isEmpty()) {
			Long[] ids = scope.allianceIds().toArray(Long[]::new);
			jdbc.sql("""
					select 'meeting', m.id, m.alliance_id, m.title, m.starts_at,
					       count(p.organization_id), count(p.reply), count(*) filter (where p.present)
					from meeting m left join participant p on p.meeting_id = m.id
					where m.alliance_id = any(?) and m.starts_at > now() - interval '1 day'
					group by m.id
					union all
					select 'minutes', m.id, m.alliance_id, m.title, m.starts_at, 0, 0, 0
					from meeting m join minutes n on n.meeting_id = m.id
					where m.alliance_id = any(?) and n.status = 'DRAFT'""")
				.params(ids, ids)
				.query((rs, i) -> {
					String what = rs.getString(1);
					long id = rs.getLong(2);
					long alliance = rs.getLong(3);
					var at = rs.getTimestamp(5).toInstant();
					return switch (what) {
						case "meeting" -> new Item("meeting.coming:" + id, kind(), alliance, "work.meeting.coming",
								List.of(rs.getString(4), rs.getString(7), rs.getString(6), rs.getString(8)),
								"/admin/a/{slug}/meetings/" + id, at);
						default -> new Item("minutes.approve:" + id, kind(), alliance, "work.minutes.approve",
								List.of(rs.getString(4)), "/admin/a/{slug}/meetings/" + id, at);
					};
				})
				.list()
				.forEach(items::add);
		}
		if (!scope.organizationIds().isEmpty()) {
			Long[] orgs = scope.organizationIds().toArray(Long[]::new);
			jdbc.sql("""
					select 'reply', m.id, m.alliance_id, m.title, m.starts_at, p.organization_id
					from meeting m join participant p on p.meeting_id = m.id
					where p.organization_id = any(?) and p.reply is null and p.invited_at is not null and m.starts_at > now()
					union all
					select 'vote', m.id, m.alliance_id, m.title || ' · ' || o.title, coalesce(o.deadline, m.starts_at), p.organization_id
					from motion o join meeting m on m.id = o.meeting_id
					join participant p on p.meeting_id = m.id and p.role = 'VOTING'
					where p.organization_id = any(?) and o.status = 'OPEN'
					  and not exists (select 1 from vote v where v.motion_id = o.id and v.organization_id = p.organization_id)
					  and not exists (select 1 from secret_voter v where v.motion_id = o.id and v.organization_id = p.organization_id)
					union all
					select 'ballot', o.id, o.alliance_id, o.title, o.deadline, w.organization_id
					from motion o join motion_voter w on w.motion_id = o.id
					where w.organization_id = any(?) and o.meeting_id is null and o.status = 'OPEN'
					  and not exists (select 1 from motion_drafter d where d.motion_id = o.id and d.organization_id = w.organization_id)
					  and not exists (select 1 from vote v where v.motion_id = o.id and v.organization_id = w.organization_id)
					  and not exists (select 1 from secret_voter v where v.motion_id = o.id and v.organization_id = w.organization_id)""")
				.params(orgs, orgs, orgs)
				.query((rs, i) -> {
					long id = rs.getLong(2);
					String what = rs.getString(1);
					return switch (what) {
						// a correspondence vote: its ballot page, one item per organisation that still has to vote
						case "ballot" -> new Item("motion.ballot:" + id + ":" + rs.getLong(6), kind(), rs.getLong(3),
								"work.correspondence.vote", List.of(rs.getString(4)), "/motions/" + id + "/ballot",
								rs.getTimestamp(5).toInstant());
						default -> {
							boolean reply = what.equals("reply");
							yield new Item((reply ? "meeting.reply:" : "motion.vote:") + id + ":" + rs.getLong(6) + ":"
									+ rs.getString(4).hashCode(), kind(), rs.getLong(3),
									reply ? "work.meeting.reply" : "work.motion.vote", List.of(rs.getString(4)),
									"/meetings/" + id, rs.getTimestamp(5).toInstant());
						}
					};
				})
				.list()
				.forEach(items::add);
		}
		return items;
	}
}
