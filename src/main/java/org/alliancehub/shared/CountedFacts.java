package org.alliancehub.shared;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's {@link ActivityFacts} of a single figure, counted per alliance by one grouped statement: the
 * statement takes the alliance ids, the first day and the day after the last as its three parameters and
 * answers (alliance id, count) rows.
 */
public abstract class CountedFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	private final Kind kind;

	private final String sql;

	protected CountedFacts(JdbcClient jdbc, String key, String source, String sql) {
		this.jdbc = jdbc;
		this.kind = new Kind(key, source);
		this.sql = sql;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(kind);
	}

	@Override
	public List<Fact> facts(Collection<Long> allianceIds, LocalDate from, LocalDate to) {
		if (allianceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(sql)
			.params(allianceIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to))
			.query((rs, i) -> new Fact(rs.getLong(1), kind.key(), rs.getLong(2), kind.source()))
			.list();
	}
}
