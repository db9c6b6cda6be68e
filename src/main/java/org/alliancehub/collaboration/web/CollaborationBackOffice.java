package org.alliancehub.collaboration.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The back-office entries of collaboration: an alliance's collaboration desk (its secretariat's), and the
 * page of resource requests and project invitations for those who act for an organisation.
 */
@Component
class CollaborationBackOffice implements BackOfficeEntries {

	private final Access access;

	CollaborationBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && access.canManage(alliance.id())) {
			entries.add(BackOfficeEntry.of("collab.desk", "/admin/a/" + alliance.slug() + "/collaboration", 70));
		}
		// the representatives' page: for those who act for an organisation, as the invitations are
		if (alliance == null && access.currentUser()
			.map(u -> u.has(Role.MEMBER_REP) || u.has(Role.NETWORK_ADMIN) || u.has(Role.SECRETARIAT))
			.orElse(false)) {
			entries.add(new BackOfficeEntry("collab.requests", "/collaboration/requests", 25, "nav-collaboration-requests",
					false));
		}
		return entries;
	}
}
