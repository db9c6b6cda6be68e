package org.alliancehub.membership;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The membership's waiting work: for a secretariat, the applications to decide; for a representative, the
 * invitations to join that its organisation has not answered. One statement.
 */
@Component
class MembershipWork implements WaitingWork {

	private final JdbcClient jdbc;

	MembershipWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "membership";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		jdbc.sql("""
				select 'application', a.id, a.alliance_id, o.name, a.created_at
				from membership_application a join organization o on o.id = a.organization_id
				where a.alliance_id = any(?) and a.status in ('PENDING', 'REFERRED')
				union all
				select 'invitation', i.id, i.alliance_id, o.name, i.created_at
				from membership_invitation i join organization o on o.id = i.organization_id
				where i.organization_id = any(?) and i.status = 'PENDING'""")
			.params(scope.allianceIds().toArray(Long[]::new), scope.organizationIds().toArray(Long[]::new))
			.query((rs, i) -> {
				boolean application = rs.getString(1).equals("application");
				long id = rs.getLong(2);
				return application
						? new Item("application.decide:" + id, kind(), rs.getLong(3), "work.application.decide",
								List.of(rs.getString(4)), "/admin/a/{slug}/applications/" + id, null)
						: new Item("invitation.answer:" + id, kind(), rs.getLong(3), "work.invitation.answer",
								List.of(rs.getString(4)), "/admin/invitations", null);
			})
			.list()
			.forEach(items::add);
		return items;
	}
}
