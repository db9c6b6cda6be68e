package org.alliancehub.governance.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.jspecify.annotations.Nullable;

/**
 * A motion voted by correspondence (通讯表决), without a meeting: the voting members of the council or of
 * the general assembly vote until the deadline. Quorum and majority default to the charter's, as for a
 * motion at a meeting of that kind.
 */
public record NewCorrespondenceVote(@NotBlank @Size(max = 300) String title, @Size(max = 20_000) @Nullable String text,
		@Nullable MotionType type, @Nullable Ballot ballot, @Nullable Majority majority,
		@DecimalMin("0") @DecimalMax("1") @Nullable BigDecimal quorum, @NotNull Electorate electorate,
		@NotNull OffsetDateTime deadline,
		@Size(max = 100) @Nullable List<@NotNull @Positive Long> draftingOrganizationIds) {
}
