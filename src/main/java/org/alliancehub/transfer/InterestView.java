package org.alliancehub.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.alliancehub.transfer.TransferTypes.DeclineReason;
import org.alliancehub.transfer.TransferTypes.InterestStatus;
import org.alliancehub.transfer.TransferTypes.TransferMode;
import org.jspecify.annotations.Nullable;

/**
 * Interest in a match, expressed in the name of one side ({@code organizationId}); the other side decides. An
 * accepted interest may record its transfer.
 */
public record InterestView(long id, long demandId, String demand, long demandOrganizationId, String demandOrganization,
		long achievementId, String achievement, long achievementOrganizationId, String achievementOrganization,
		long organizationId, InterestStatus status, @Nullable DeclineReason reason, OffsetDateTime createdAt,
		@Nullable Transfer transfer) {

	/** The recorded transfer (技术转化): contract type, amount in 万元, date signed. */
	public record Transfer(long id, TransferMode contractType, @Nullable BigDecimal amount, LocalDate signedOn) {
	}

	/** The organisation that decides: the side that did not express the interest. */
	public long decidingOrganizationId() {
		return organizationId == demandOrganizationId ? achievementOrganizationId : demandOrganizationId;
	}
}
