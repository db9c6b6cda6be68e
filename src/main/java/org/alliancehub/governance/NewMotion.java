package org.alliancehub.governance;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.jspecify.annotations.Nullable;

/**
 * A motion put to a meeting; without rules it is an open ballot by simple majority with half present.
 * With {@code admitsApplication} its adoption admits that applicant.
 */
public record NewMotion(@NotBlank @Size(max = 300) String title, @Size(max = 20_000) @Nullable String text,
		@Nullable Ballot ballot, @Nullable Majority majority,
		@DecimalMin("0") @DecimalMax("1") @Nullable BigDecimal quorum,
		@jakarta.validation.constraints.Positive @Nullable Long admitsApplication) {
}
