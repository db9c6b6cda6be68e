package org.alliancehub.funding.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The funding's waiting work: for the network's secretariat, the contributions of an approved plan still unpaid, per plan; for a representative, its organisation's unpaid contributions. One statement. */
@Component
class FundingWork implements WaitingWork {

	private final JdbcClient jdbc;

	FundingWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "funding";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.isEmpty()) {
			return items;
		}
		jdbc.sql("""
				with unpaid as (
				  select c.plan_id, c.organization_id, c.amount, c.due_on, p.title, p.alliance_id
				  from funding_contribution c join funding_plan p on p.id = c.plan_id
				  where p.status = 'APPROVED'
				    and c.amount > coalesce((select sum(x.amount) from funding_payment x where x.contribution_id = c.id), 0))
				select 'plan', u.plan_id, u.alliance_id, u.title, count(*)::text, min(u.due_on), 0::bigint
				from unpaid u where u.alliance_id = any(?) group by u.plan_id, u.alliance_id, u.title
				union all
				select 'own', u.plan_id, u.alliance_id, u.title, u.amount::text, u.due_on, u.organization_id
				from unpaid u where u.organization_id = any(?)""")
			.params(scope.allianceIds().toArray(Long[]::new), scope.organizationIds().toArray(Long[]::new))
			.query((rs, i) -> {
				boolean plan = rs.getString(1).equals("plan");
				var due = rs.getDate(6).toLocalDate().atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant();
				return plan
						? new Item("funding.unpaid:" + rs.getLong(2), kind(), rs.getLong(3), "work.funding.unpaid",
								List.of(rs.getString(4), rs.getString(5)), "/admin/funding/plans/" + rs.getLong(2) + "/execution", due)
						: new Item("funding.due:" + rs.getLong(2) + ":" + rs.getLong(7), kind(), rs.getLong(3), "work.funding.due",
								List.of(rs.getString(4), rs.getString(5)), "/admin/funding/statements", due);
			})
			.list()
			.forEach(items::add);
		return items;
	}
}
