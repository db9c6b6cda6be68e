package org.alliancehub.standards.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The standards module's share of an alliance's year: group standards published (by the day they were
 * issued; later amended or revised ones still count, withdrawn ones do not). One grouped statement, whatever
 * the number of alliances.
 */
@Component
class StandardsFacts implements ActivityFacts {

	private static final String SOURCE = "/a/{slug}/standards";

	private final JdbcClient jdbc;

	StandardsFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("standards.published", SOURCE));
	}

	@Override
	public List<Fact> facts(Collection<Long> allianceIds, LocalDate from, LocalDate to) {
		if (allianceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select alliance_id, count(*) from standards_standard
				where alliance_id = any(?) and stage in ('PUBLISHED', 'AMENDED', 'REVISED') and issued_on >= ? and issued_on < ?
				group by alliance_id""")
			.params(allianceIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to))
			.query((rs, i) -> new Fact(rs.getLong(1), "standards.published", rs.getLong(2), SOURCE))
			.list();
	}
}
