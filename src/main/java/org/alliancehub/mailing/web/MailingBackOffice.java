package org.alliancehub.mailing.web;

import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of mailings, for those who manage the alliance. */
@Component
class MailingBackOffice implements BackOfficeEntries {

	private final Access access;

	MailingBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		if (alliance != null && access.canManage(alliance.id())) {
			return List.of(new BackOfficeEntry("admin.mailings", "/admin/a/" + alliance.slug() + "/mailings", 41,
					"nav-mailings", false));
		}
		return List.of();
	}
}
