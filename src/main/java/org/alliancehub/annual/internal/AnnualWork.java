package org.alliancehub.annual.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The annual reports' waiting work: the report of the latest year asked for that a secretariat has not submitted yet. One statement. */
@Component
class AnnualWork implements WaitingWork {

	private final JdbcClient jdbc;

	AnnualWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "annual";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.allianceIds().isEmpty()) {
			return items;
		}
		jdbc.sql("""
				select q.year, a.id, q.deadline
				from annual_report_request q cross join unnest(?::bigint[]) a(id)
				where q.year = (select max(year) from annual_report_request)
				  and not exists (select 1 from annual_report r where r.alliance_id = a.id and r.year = q.year
				                  and r.status = 'SUBMITTED')""")
			.param(scope.allianceIds().toArray(Long[]::new))
			.query((rs, i) -> new Item("annual.due:" + rs.getInt(1) + ":" + rs.getLong(2), kind(), rs.getLong(2), "work.annual.due",
					List.of(String.valueOf(rs.getInt(1))), "/admin/a/{slug}/annual-reports/" + rs.getInt(1),
					rs.getTimestamp(3).toInstant()))
			.list()
			.forEach(items::add);
		return items;
	}
}
