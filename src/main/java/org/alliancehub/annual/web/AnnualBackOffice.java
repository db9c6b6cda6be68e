package org.alliancehub.annual.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The back-office entries of the annual module: an alliance's annual report (its secretariat's), and the
 * network's requests and activity dashboard (the administrator's and the network secretariat's).
 */
@Component
class AnnualBackOffice implements BackOfficeEntries {

	private final Access access;

	AnnualBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && !alliance.isNetwork() && access.canManage(alliance.id())) {
			entries.add(new BackOfficeEntry("annual.title", "/admin/a/" + alliance.slug() + "/annual-reports", 75,
					"nav-annual-report", false));
		}
		if (alliance == null && access.canManageNetwork()) {
			entries.add(new BackOfficeEntry("annual.requests", "/admin/annual", 60, "nav-annual-requests", false));
			entries.add(new BackOfficeEntry("activity.title", "/admin/activity", 61, "nav-activity", false));
		}
		return entries;
	}
}
