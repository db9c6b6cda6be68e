package org.alliancehub.governance.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.jspecify.annotations.Nullable;

/**
 * A motion: put to a meeting ({@code meetingId}), or a correspondence vote without one ({@code meetingId}
 * null, {@code electorate} and {@code deadline} set).
 */
public record MotionView(long id, @Nullable Long meetingId, String title, @Nullable String text, Ballot ballot,
		Majority majority, BigDecimal quorum, MotionStatus status, @Nullable MotionOutcome outcome,
		@Nullable OffsetDateTime openedAt, @Nullable OffsetDateTime closedAt, MotionType type,
		@Nullable Electorate electorate, @Nullable OffsetDateTime deadline, List<Long> draftingOrganizationIds) {
}
