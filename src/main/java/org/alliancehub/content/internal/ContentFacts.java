package org.alliancehub.content.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Content's share of an alliance's year: articles and briefings published. One grouped statement per source, whatever the number of alliances. */
@Component
class ContentFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	ContentFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("articles.published", "/a/{slug}/news"), new Kind("briefings.published", "/a/{slug}/briefings"));
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
		collect(facts, "/a/{slug}/news", """
				select alliance_id, 'articles.published', count(*) from article
				where alliance_id = any(?) and status = 'PUBLISHED' and published_at >= ? and published_at < ?
				group by alliance_id""", ids, f, t);
		collect(facts, "/a/{slug}/briefings", """
				select alliance_id, 'briefings.published', count(*) from briefing
				where alliance_id = any(?) and published_on >= ? and published_on < ?
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
