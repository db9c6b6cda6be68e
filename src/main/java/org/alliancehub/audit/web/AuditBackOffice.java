package org.alliancehub.audit.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of the audit log, for those who run an alliance. */
@Component
class AuditBackOffice implements BackOfficeEntries {

	private final Access access;

	AuditBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance == null && access.canManageAny()) {
			entries.add(BackOfficeEntry.of("admin.audit", "/admin/audit", 70));
		}
		return entries;
	}
}
