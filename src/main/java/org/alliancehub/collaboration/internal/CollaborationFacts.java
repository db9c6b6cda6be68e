package org.alliancehub.collaboration.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Collaboration's share of an alliance's year: projects started, agreements signed, demonstration bases set up. One grouped statement per source, whatever the number of alliances. */
@Component
class CollaborationFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	CollaborationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("projects.started", "/a/{slug}/projects"), new Kind("agreements.signed", "/a/{slug}/agreements"), new Kind("bases.established", "/a/{slug}/bases"));
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
		collect(facts, "/a/{slug}/projects", """
				select alliance_id, 'projects.started', count(*) from collab_project
				where alliance_id = any(?) and status <> 'CANCELLED'
				  and coalesce(starts_on, created_at::date) >= ? and coalesce(starts_on, created_at::date) < ?
				group by alliance_id""", ids, f, t);
		collect(facts, "/a/{slug}/agreements", """
				select alliance_id, 'agreements.signed', count(*) from collab_agreement
				where alliance_id = any(?) and coalesce(signed_on, created_at::date) >= ? and coalesce(signed_on, created_at::date) < ?
				group by alliance_id""", ids, f, t);
		collect(facts, "/a/{slug}/bases", """
				select alliance_id, 'bases.established', count(*) from collab_base
				where alliance_id = any(?) and created_at >= ? and created_at < ?
				group by alliance_id""", ids, f, t);
		return facts;
	}

	/** Runs a statement answering (alliance id, key, value) rows. */
	private void collect(List<Fact> facts, String source, String sql, Object... params) {
		jdbc.sql(sql).params(params).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getLong(3), source))
			.list()
			.forEach(facts::add);
	}
}
