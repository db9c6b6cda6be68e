package org.alliancehub.survey.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The survey module's share of an alliance's year: surveys held (published, deadline in the period) and their response rate in percent (submitted answers over recipients). One grouped statement per source, whatever the number of alliances. */
@Component
class SurveyFacts implements ActivityFacts {

	private final JdbcClient jdbc;

	SurveyFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("surveys.held", "/a/{slug}/surveys/statistics"), new Kind("surveys.responseRate", "/a/{slug}/surveys/statistics"));
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
		collect(facts, "/a/{slug}/surveys/statistics", """
				select s.alliance_id, 'surveys.held', count(*) from survey s
				where s.alliance_id = any(?) and s.status <> 'DRAFT' and s.deadline >= ? and s.deadline < ?
				group by s.alliance_id
				union all
				select s.alliance_id, 'surveys.responseRate',
				       coalesce(round(100.0 * count(p.id) filter (where p.status = 'SUBMITTED') / nullif(count(*), 0)), 0)::bigint
				from survey s join survey_recipient r on r.survey_id = s.id
				left join survey_response p on p.survey_id = r.survey_id and p.organization_id = r.organization_id
				where s.alliance_id = any(?) and s.status <> 'DRAFT' and s.deadline >= ? and s.deadline < ?
				group by s.alliance_id""", ids, f, t, ids, f, t);
		return facts;
	}

	/** Runs a statement answering (alliance id, key, value) rows. */
	private void collect(List<Fact> facts, String source, String sql, Object... params) {
		jdbc.sql(sql).params(params).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getLong(3), source))
			.list()
			.forEach(facts::add);
	}
}
