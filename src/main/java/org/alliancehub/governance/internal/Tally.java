package org.alliancehub.governance.internal;

import java.math.BigDecimal;

import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;

/**
 * The counted votes of a motion and the rule that decides it, as alliance charters write them:
 * {@code quorum} is the fraction of voting participants that must be present; SIMPLE adopts when yes is
 * more than half of the voting participants present, TWO_THIRDS when yes is at least two thirds of them,
 * THREE_QUARTERS when yes is at least three quarters of them, ABSOLUTE when yes is more than half of all
 * voting participants. For a correspondence vote, those present are those who voted. Nothing is adopted
 * without at least one yes, whatever a zero quorum lets through.
 */
public record Tally(int yes, int no, int abstain, int eligible, int present) {

	public MotionOutcome outcome(Majority majority, BigDecimal quorum) {
		if (eligible == 0 || BigDecimal.valueOf(present).compareTo(quorum.multiply(BigDecimal.valueOf(eligible))) < 0) {
			return MotionOutcome.NO_QUORUM;
		}
		boolean adopted = yes > 0 && switch (majority) {
			case SIMPLE -> 2L * yes > present;
			case TWO_THIRDS -> 3L * yes >= 2L * present;
			case THREE_QUARTERS -> 4L * yes >= 3L * present;
			case ABSOLUTE -> 2L * yes > eligible;
		};
		return adopted ? MotionOutcome.ADOPTED : MotionOutcome.REJECTED;
	}
}
