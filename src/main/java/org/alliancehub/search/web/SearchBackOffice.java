package org.alliancehub.search.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entries of search: the index (the network administrator's) and the synonyms (every secretariat's). */
@Component
class SearchBackOffice implements BackOfficeEntries {

	private final Access access;

	SearchBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance == null && access.isNetworkAdmin()) {
			entries.add(BackOfficeEntry.of("search.admin.title", "/admin/search", 50));
		}
		if (alliance == null && access.canManageAny()) {
			entries.add(BackOfficeEntry.of("search.synonyms.title", "/admin/search/synonyms", 60));
		}
		return entries;
	}
}
