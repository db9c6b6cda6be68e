package org.alliancehub.governance.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.jspecify.annotations.Nullable;

/**
 * A motion put to a meeting; without rules it is an open ballot with the quorum and majority the
 * alliance's charter sets for its {@code type} (ORDINARY unless it admits an application: ADMISSION).
 * Explicit {@code quorum} and {@code majority} may be stricter than the charter's, never laxer. With
 * {@code admitsApplication} its adoption admits that applicant. A GROUP_STANDARD motion names the
 * organisations that drafted the standard: they do not vote on it and are left out of those eligible and
 * those present, so the other voters alone decide it.
 */
public record NewMotion(@NotBlank @Size(max = 300) String title, @Size(max = 20_000) @Nullable String text,
		@Nullable Ballot ballot, @Nullable Majority majority,
		@DecimalMin("0") @DecimalMax("1") @Nullable BigDecimal quorum,
		@jakarta.validation.constraints.Positive @Nullable Long admitsApplication, @Nullable MotionType type,
		@Size(max = 100) @Nullable List<@NotNull @jakarta.validation.constraints.Positive Long> draftingOrganizationIds) {
}
