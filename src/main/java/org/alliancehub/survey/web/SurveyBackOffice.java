package org.alliancehub.survey.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entries of surveys: an alliance's surveys, and everyone's own survey tasks. */
@Component
class SurveyBackOffice implements BackOfficeEntries {

	private final Access access;

	SurveyBackOffice(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null && access.canManage(alliance.id())) {
			entries.add(BackOfficeEntry.of("survey.admin.nav", "/admin/a/" + alliance.slug() + "/surveys", 60));
		}
		if (alliance == null && access.currentUser().isPresent()) {
			entries.add(BackOfficeEntry.of("survey.tasks", "/surveys", 10));
		}
		return entries;
	}
}
