package org.alliancehub.membership;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An organisation's application to join an alliance; an alliance applies to the network the same way. */
public record Application(long id, long allianceId, long organizationId, String organizationName,
		MembershipRole role, @Nullable String statement, Status status, @Nullable OffsetDateTime decidedAt,
		OffsetDateTime createdAt, @Nullable String decisionReason) {

	public enum Status {
		PENDING, REFERRED, APPROVED, REJECTED, WITHDRAWN
	}
}
