package org.alliancehub.transfer.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Technology transfer's waiting work: the interests a representative's organisation has to answer (it is the other side of the match). One statement. */
@Component
class TransferWork implements WaitingWork {

	private final JdbcClient jdbc;

	TransferWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "transfer";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.organizationIds().isEmpty()) {
			return items;
		}
		Long[] orgs = scope.organizationIds().toArray(Long[]::new);
		jdbc.sql("""
				select i.id, d.alliance_id, d.id, d.title, a.title
				from transfer_interest i join transfer_demand d on d.id = i.demand_id
				join transfer_achievement a on a.id = i.achievement_id
				where i.status = 'PENDING'
				  and ((d.organization_id = any(?) and i.organization_id <> d.organization_id)
				    or (a.organization_id = any(?) and i.organization_id <> a.organization_id))""")
			.params(orgs, orgs)
			.query((rs, i) -> new Item("interest.reply:" + rs.getLong(1), kind(), rs.getLong(2), "work.interest.reply",
					List.of(rs.getString(4), rs.getString(5)), "/a/{slug}/demands/" + rs.getLong(3), null))
			.list()
			.forEach(items::add);
		return items;
	}
}
