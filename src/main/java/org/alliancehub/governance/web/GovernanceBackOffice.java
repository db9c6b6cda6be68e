package org.alliancehub.governance.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of governance: an alliance's meeting desk. */
@Component
class GovernanceBackOffice implements BackOfficeEntries {

	private final Access access;

	GovernanceBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && access.canManage(alliance.id())) {
			entries.add(BackOfficeEntry.of("admin.meetings", "/admin/a/" + alliance.slug() + "/meetings", 50));
		}
		return entries;
	}
}
