package org.alliancehub.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of identity: the users, for the network administrator. */
@Component
class IdentityBackOffice implements BackOfficeEntries {

	private final Access access;

	IdentityBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance == null && access.isNetworkAdmin()) {
			entries.add(BackOfficeEntry.of("admin.users", "/admin/users", 40));
		}
		return entries;
	}
}
