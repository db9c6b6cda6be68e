package org.alliancehub.transfer.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Technology transfer's share of an alliance's year: demands and achievements posted, interests accepted and transfers recorded. One grouped statement per source, whatever the number of alliances. */
@Component
class TransferFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	TransferFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("demands.posted", "/a/{slug}/demands"), new Kind("achievements.posted", "/a/{slug}/achievements"), new Kind("interests.accepted", "/a/{slug}/demands"), new Kind("transfers.recorded", "/a/{slug}/demands"));
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
		collect(facts, "/a/{slug}/demands", """
				select alliance_id, 'demands.posted', count(*) from transfer_demand
				where alliance_id = any(?) and created_at >= ? and created_at < ? group by alliance_id""", ids, f, t);
		collect(facts, "/a/{slug}/achievements", """
				select alliance_id, 'achievements.posted', count(*) from transfer_achievement
				where alliance_id = any(?) and created_at >= ? and created_at < ? group by alliance_id""", ids, f, t);
		collect(facts, "/a/{slug}/demands", """
				select d.alliance_id, 'interests.accepted', count(*) from transfer_interest i join transfer_demand d on d.id = i.demand_id
				where d.alliance_id = any(?) and i.status = 'ACCEPTED' and i.decided_at >= ? and i.decided_at < ?
				group by d.alliance_id
				union all
				select d.alliance_id, 'transfers.recorded', count(*) from transfer_record x join transfer_interest i on i.id = x.interest_id
				join transfer_demand d on d.id = i.demand_id
				where d.alliance_id = any(?) and x.signed_on >= ? and x.signed_on < ?
				group by d.alliance_id""", ids, f, t, ids, f, t);
		return facts;
	}

	/** Runs a statement answering (alliance id, key, value) rows. */
	private void collect(List<Fact> facts, String source, String sql, Object... params) {
		jdbc.sql(sql).params(params).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getLong(3), source))
			.list()
			.forEach(facts::add);
	}
}
