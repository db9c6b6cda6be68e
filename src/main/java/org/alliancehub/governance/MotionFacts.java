package org.alliancehub.governance;

import java.util.List;

import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.jspecify.annotations.Nullable;

/**
 * What another module needs to know of a motion it refers to by id (a standard's approval vote, say): its
 * alliance, type, where its vote stands, and the drafting organisations a GROUP_STANDARD motion leaves out.
 */
public record MotionFacts(long id, long allianceId, String title, MotionType type, MotionStatus status,
		@Nullable MotionOutcome outcome, List<Long> draftingOrganizationIds) {
}
