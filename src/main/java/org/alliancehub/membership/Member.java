package org.alliancehub.membership;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A membership as lists show it: the organisation, its region (name to show, and GB/T 2260 code), its role and
 * status in one alliance.
 */
public record Member(long allianceId, long organizationId, String organizationName, OrganizationType organizationType,
		@Nullable String region, @Nullable String regionCode, MembershipRole role, MembershipStatus status, @Nullable LocalDate since,
		@Nullable Long representsAllianceId, long version) {
}
