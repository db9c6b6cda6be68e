package org.alliancehub.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An alliance's invitation to an organisation that exists elsewhere. It gives no membership and no access
 * until the organisation accepts it; acceptance creates the membership with the role and date asked.
 */
public record Invitation(long id, long allianceId, String alliance, long organizationId, String organizationName,
		MembershipRole role, @Nullable LocalDate since, Status status, String invitedBy, @Nullable String decidedBy,
		@Nullable OffsetDateTime decidedAt, OffsetDateTime createdAt) {

	public enum Status {
		PENDING, ACCEPTED, DECLINED
	}
}
