package org.alliancehub.governance.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Governance's share of an alliance's year: meetings held, resolutions adopted, motions decided. One grouped statement per source, whatever the number of alliances. */
@Component
class GovernanceFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	GovernanceFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("meetings.held", "/a/{slug}/meetings"), new Kind("resolutions.adopted", "/a/{slug}/meetings"), new Kind("motions.decided", "/a/{slug}/meetings"));
	}

	@Override
	public List<Fact> facts(Collection<Long> allianceIds, LocalDate from, LocalDate to) {
		List<Fact> facts = new ArrayList<>();
		if (allianceIds.isEmpty()) {
			return facts;
		}
		Long[] ids = allianceIds.toArray(Long[]::new);
		Date f = Date.valueOf(from);
		Date t = Date.valueOf(to);
		collect(facts, "/a/{slug}/meetings", """
				select m.alliance_id, 'meetings.held', count(*) from meeting m
				where m.alliance_id = any(?) and m.starts_at >= ? and m.starts_at < ? and m.starts_at <= now()
				group by m.alliance_id
				union all
				select m.alliance_id, 'resolutions.adopted', count(*) from resolution r join meeting m on m.id = r.meeting_id
				where m.alliance_id = any(?) and m.starts_at >= ? and m.starts_at < ?
				group by m.alliance_id
				union all
				select x.alliance_id, 'motions.decided', count(*) from motion x
				where x.alliance_id = any(?) and x.outcome is not null and x.closed_at >= ? and x.closed_at < ?
				group by x.alliance_id""", ids, f, t, ids, f, t, ids, f, t);
		return facts;
	}

	/** Runs a statement answering (alliance id, key, value) rows. */
	private void collect(List<Fact> facts, String source, String sql, Object... params) {
		jdbc.sql(sql).params(params).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getLong(3), source))
			.list()
			.forEach(facts::add);
	}
}
