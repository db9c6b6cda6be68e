package org.alliancehub.standards.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The standards' waiting work: the public comments a secretariat has still to dispose of, counted per standard. One statement. */
@Component
class StandardsWork implements WaitingWork {

	private final JdbcClient jdbc;

	StandardsWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "standards";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.allianceIds().isEmpty()) {
			return items;
		}
		jdbc.sql("""
				select s.id, s.alliance_id, s.title, count(c.id)
				from standards_standard s join standards_comment c on c.standard_id = s.id
				where s.alliance_id = any(?) and c.disposition is null
				group by s.id, s.alliance_id, s.title""")
			.param(scope.allianceIds().toArray(Long[]::new))
			.query((rs, i) -> new Item("standard.comments:" + rs.getLong(1), kind(), rs.getLong(2), "work.standard.comments",
					List.of(rs.getString(3), rs.getString(4)), "/admin/a/{slug}/standards/" + rs.getLong(1), null))
			.list()
			.forEach(items::add);
		return items;
	}
}
