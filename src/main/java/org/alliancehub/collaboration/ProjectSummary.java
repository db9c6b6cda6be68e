package org.alliancehub.collaboration;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.jspecify.annotations.Nullable;

/** A line of a project register. */
public record ProjectSummary(long id, String alliance, String allianceName, String title, @Nullable String field,
		String leadOrganization, ProjectStatus status, ProjectVisibility visibility, @Nullable LocalDate startsOn,
		@Nullable LocalDate endsOn, BigDecimal budgetTotal, int participants, boolean demo) {
}
