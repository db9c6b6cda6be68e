package org.alliancehub.governance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.jspecify.annotations.Nullable;

public record MotionView(long id, long meetingId, String title, @Nullable String text, Ballot ballot,
		Majority majority, BigDecimal quorum, MotionStatus status, @Nullable MotionOutcome outcome,
		@Nullable OffsetDateTime openedAt, @Nullable OffsetDateTime closedAt) {
}
