package org.alliancehub.membership;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

public record MembershipPatch(@Nullable MembershipRole role, @Nullable MembershipStatus status,
		@Nullable LocalDate since, @Nullable Long version) {
}
