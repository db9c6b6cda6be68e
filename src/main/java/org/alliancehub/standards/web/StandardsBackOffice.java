package org.alliancehub.standards.web;

import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of the standards: an alliance's standards desk, for its secretariat. */
@Component
class StandardsBackOffice implements BackOfficeEntries {

	private final Access access;

	StandardsBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		if (alliance != null && access.canManage(alliance.id())) {
			return List.of(BackOfficeEntry.of("standards.desk", "/admin/a/" + alliance.slug() + "/standards", 72));
		}
		return List.of();
	}
}
