package org.alliancehub.content.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The content's waiting work: a secretariat's article drafts, the 20 last edited of each alliance. One statement. */
@Component
class ContentWork implements WaitingWork {

	private final JdbcClient jdbc;

	ContentWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "content";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.allianceIds().isEmpty()) {
			return items;
		}
		jdbc.sql("""
				select id, alliance_id, title from (
				  select a.id, a.alliance_id, a.title, row_number() over (partition by a.alliance_id order by a.updated_at desc) n
				  from article a where a.alliance_id = any(?) and a.status = 'DRAFT') d
				where n <= 20""")
			.param(scope.allianceIds().toArray(Long[]::new))
			.query((rs, i) -> new Item("article.draft:" + rs.getLong(1), kind(), rs.getLong(2), "work.article.draft",
					List.of(rs.getString(3)), "/admin/a/{slug}/articles/" + rs.getLong(1), null))
			.list()
			.forEach(items::add);
		return items;
	}
}
