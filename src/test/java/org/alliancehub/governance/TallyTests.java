package org.alliancehub.governance;

import org.alliancehub.governance.internal.Tally;

import java.math.BigDecimal;

import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	static final BigDecimal HALF = new BigDecimal("0.5");

	static final BigDecimal TWO_THIRDS = new BigDecimal("0.6667");

	@Test
	void simpleMajorityNeedsMoreThanHalfOfThosePresent() {
		assertThat(new Tally(4, 3, 1, 10, 8).outcome(Majority.SIMPLE, HALF)).isEqualTo(MotionOutcome.REJECTED);
		assertThat(new Tally(5, 2, 1, 10, 8).outcome(Majority.SIMPLE, HALF)).isEqualTo(MotionOutcome.ADOPTED);
	}

	@Test
	void twoThirdsMotionFailsWithSixOfTenPresentVotingYesButTenPresent() {
		assertThat(new Tally(6, 4, 0, 10, 10).outcome(Majority.TWO_THIRDS, HALF)).isEqualTo(MotionOutcome.REJECTED);
		assertThat(new Tally(7, 3, 0, 10, 10).outcome(Majority.TWO_THIRDS, HALF)).isEqualTo(MotionOutcome.ADOPTED);
		assertThat(new Tally(4, 2, 0, 10, 6).outcome(Majority.TWO_THIRDS, HALF)).isEqualTo(MotionOutcome.ADOPTED);
	}

	@Test
	void absoluteMajorityCountsAllVotingParticipantsNotOnlyThosePresent() {
		assertThat(new Tally(5, 0, 0, 10, 6).outcome(Majority.ABSOLUTE, HALF)).isEqualTo(MotionOutcome.REJECTED);
		assertThat(new Tally(6, 0, 0, 10, 6).outcome(Majority.ABSOLUTE, HALF)).isEqualTo(MotionOutcome.ADOPTED);
	}

	@Test
	void withoutQuorumNothingIsDecided() {
		assertThat(new Tally(6, 0, 0, 10, 6).outcome(Majority.SIMPLE, TWO_THIRDS)).isEqualTo(MotionOutcome.NO_QUORUM);
		assertThat(new Tally(7, 0, 0, 10, 7).outcome(Majority.SIMPLE, TWO_THIRDS)).isEqualTo(MotionOutcome.ADOPTED);
		assertThat(new Tally(0, 0, 0, 0, 0).outcome(Majority.SIMPLE, HALF)).isEqualTo(MotionOutcome.NO_QUORUM);
	}

	@Test
	void nothingIsAdoptedWithoutAYesEvenWhenAZeroQuorumLetsAnEmptyRoomDecide() {
		for (var majority : org.alliancehub.governance.GovernanceTypes.Majority.values()) {
			assertThat(new Tally(0, 0, 0, 10, 0).outcome(majority, java.math.BigDecimal.ZERO)).as(majority.name())
				.isEqualTo(org.alliancehub.governance.GovernanceTypes.MotionOutcome.REJECTED);
		}
	}
}
