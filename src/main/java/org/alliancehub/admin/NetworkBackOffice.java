package org.alliancehub.admin;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back office's own entries: an alliance's profile, the invitations organisations answer, and the alliances (the network administrator's). */
@Component
class NetworkBackOffice implements BackOfficeEntries {

	private final Access access;

	NetworkBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && access.canManage(alliance.id())) {
			entries.add(BackOfficeEntry.of("admin.profile", "/admin/a/" + alliance.slug() + "/profile", 20));
		}
		// the invitations an organisation answers: for those who act for one, as the representatives do
		if (alliance == null && access.currentUser()
			.map(u -> u.has(Role.MEMBER_REP) || u.has(Role.NETWORK_ADMIN) || u.has(Role.SECRETARIAT))
			.orElse(false)) {
			entries.add(new BackOfficeEntry("admission.title", "/admin/invitations", 20, "nav-invitations", false));
		}
		if (alliance == null && access.isNetworkAdmin()) {
			entries.add(BackOfficeEntry.of("admin.alliances", "/admin/alliances", 30));
		}
		return entries;
	}
}
