package org.alliancehub.collaboration;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.alliancehub.collaboration.CollaborationTypes.RequestStatus;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.jspecify.annotations.Nullable;

/** A member's request for a resource over a period, and the owning organisation's decision. */
public record ResourceRequestView(long id, long resourceId, String resource, ResourceKind kind, long ownerOrganizationId,
		String ownerOrganization, long organizationId, String organization, LocalDate from, LocalDate to, String purpose,
		RequestStatus status, @Nullable String reason, OffsetDateTime createdAt, @Nullable OffsetDateTime decidedAt) {

	public boolean pending() {
		return status == RequestStatus.PENDING;
	}
}
