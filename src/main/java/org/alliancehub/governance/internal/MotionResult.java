package org.alliancehub.governance.internal;

import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Where a motion stands; who voted what is shown for open ballots only, and a secret ballot tells nothing but
 * the number of votes cast ({@code yes}, {@code no}, {@code abstain} null) until it closes.
 */
public record MotionResult(MotionStatus status, @Nullable MotionOutcome outcome, @Nullable Integer yes,
		@Nullable Integer no, @Nullable Integer abstain,
		int eligible, int present, int cast, @Nullable List<CastVote> votes) {

	public record CastVote(long organizationId, Choice choice) {
	}
}
