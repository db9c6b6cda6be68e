package org.alliancehub.content.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entries of content: an alliance's articles and bulletins, for those who manage it. */
@Component
class ContentBackOffice implements BackOfficeEntries {

	private final Access access;

	ContentBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && access.canManage(alliance.id())) {
			entries.add(BackOfficeEntry.of("admin.articles", "/admin/a/" + alliance.slug() + "/articles", 10));
			entries.add(BackOfficeEntry.of("admin.bulletins", "/admin/a/" + alliance.slug() + "/bulletins", 40));
		}
		return entries;
	}
}
