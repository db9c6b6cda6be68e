package org.alliancehub.membership.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entries of membership: an alliance's members. */
@Component
class MembershipBackOffice implements BackOfficeEntries {

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		// the back office names an alliance only on the pages of one the user manages (BackOffice.nav)
		if (alliance != null) {
			entries.add(BackOfficeEntry.of("admin.members", "/admin/a/" + alliance.slug() + "/members", 30));
		}
		return entries;
	}
}
