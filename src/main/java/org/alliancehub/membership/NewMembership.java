package org.alliancehub.membership;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

public record NewMembership(@NotNull @Positive Long organizationId, @NotNull MembershipRole role,
		@Nullable LocalDate since) {
}
