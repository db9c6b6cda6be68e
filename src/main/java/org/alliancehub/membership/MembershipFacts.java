package org.alliancehub.membership;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Membership's share of an alliance's year: organisations that joined (by the date they joined) and that withdrew. One grouped statement per source, whatever the number of alliances. */
@Component
class MembershipFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	MembershipFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("members.joined", "/a/{slug}/members"), new Kind("members.left", "/a/{slug}/members"));
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
		collect(facts, "/a/{slug}/members", """
				select alliance_id, 'members.joined', count(*) from membership
				where alliance_id = any(?) and coalesce(since, created_at::date) >= ? and coalesce(since, created_at::date) < ?
				group by alliance_id
				union all
				select alliance_id, 'members.left', count(*) from membership
				where alliance_id = any(?) and status = 'WITHDRAWN' and updated_at >= ? and updated_at < ?
				group by alliance_id""", ids, f, t, ids, f, t);
		return facts;
	}

	/** Runs a statement answering (alliance id, key, value) rows. */
	private void collect(List<Fact> facts, String source, String sql, Object... params) {
		jdbc.sql(sql).params(params).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getLong(3), source))
			.list()
			.forEach(facts::add);
	}
}
