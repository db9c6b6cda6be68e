package org.alliancehub.governance.internal;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.shared.Invalid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MajorityTests {

	static final BigDecimal NONE = BigDecimal.ZERO;

	@Test
	void threeQuartersNeedsAtLeastThreeQuartersOfThosePresent() {
		assertThat(new Tally(5, 3, 0, 10, 8).outcome(Majority.THREE_QUARTERS, NONE)).isEqualTo(MotionOutcome.REJECTED);
		assertThat(new Tally(6, 2, 0, 10, 8).outcome(Majority.THREE_QUARTERS, NONE)).isEqualTo(MotionOutcome.ADOPTED);
		assertThat(new Tally(6, 1, 1, 10, 8).outcome(Majority.THREE_QUARTERS, NONE)).isEqualTo(MotionOutcome.ADOPTED);
	}

	@Test
	void strictnessFollowsImplicationSoAbsoluteAndTheFractionsOfThosePresentDoNotCompare() {
		assertThat(Majority.THREE_QUARTERS.atLeastAsStrictAs(Majority.TWO_THIRDS)).isTrue();
		assertThat(Majority.TWO_THIRDS.atLeastAsStrictAs(Majority.SIMPLE)).isTrue();
		assertThat(Majority.ABSOLUTE.atLeastAsStrictAs(Majority.SIMPLE)).isTrue();
		assertThat(Majority.SIMPLE.atLeastAsStrictAs(Majority.TWO_THIRDS)).isFalse();
		assertThat(Majority.TWO_THIRDS.atLeastAsStrictAs(Majority.THREE_QUARTERS)).isFalse();
		assertThat(Majority.ABSOLUTE.atLeastAsStrictAs(Majority.TWO_THIRDS)).isFalse();
		assertThat(Majority.THREE_QUARTERS.atLeastAsStrictAs(Majority.ABSOLUTE)).isFalse();
	}

	@Test
	void aStricterMajorityAdoptsOnlyWhatTheLaxerOneAdoptsForEveryCount() {
		for (Majority strict : Majority.values()) {
			for (Majority lax : Majority.values()) {
				if (!strict.atLeastAsStrictAs(lax)) {
					continue;
				}
				for (int eligible = 1; eligible <= 12; eligible++) {
					for (int present = 1; present <= eligible; present++) {
						for (int yes = 0; yes <= present; yes++) {
							Tally t = new Tally(yes, present - yes, 0, eligible, present);
							if (t.outcome(strict, NONE) == MotionOutcome.ADOPTED) {
								assertThat(t.outcome(lax, NONE)).as(strict + " vs " + lax + " " + t)
									.isEqualTo(MotionOutcome.ADOPTED);
							}
						}
					}
				}
			}
		}
	}

	@Test
	void theBuiltInCharterAsksTwoThirdsForAmendmentsAndThreeQuartersForGroupStandards() {
		Charter c = Charter.builtIn("x");
		assertThat(c.majorityOf(MotionType.ORDINARY)).isEqualTo(Majority.SIMPLE);
		assertThat(c.majorityOf(MotionType.CHARTER_AMENDMENT)).isEqualTo(Majority.TWO_THIRDS);
		assertThat(c.majorityOf(MotionType.GROUP_STANDARD)).isEqualTo(Majority.THREE_QUARTERS);
		assertThat(c.quorumOf(MeetingKind.GENERAL_ASSEMBLY)).isEqualByComparingTo("0.5");
	}

	@Test
	void aMotionMayAskForMoreThanTheCharterButNotLess() {
		Charter c = Charter.parse("x", java.util.Map.of("COUNCIL", new BigDecimal("0.6667")),
				java.util.Map.of("BUDGET", "TWO_THIRDS"), 1, 0);
		List<Invalid.FieldError> errors = new ArrayList<>();
		Charter.Rules defaults = c.rulesFor(MeetingKind.COUNCIL, MotionType.BUDGET, null, null, errors);
		assertThat(defaults).isEqualTo(new Charter.Rules(Majority.TWO_THIRDS, new BigDecimal("0.6667")));
		c.rulesFor(MeetingKind.COUNCIL, MotionType.BUDGET, Majority.THREE_QUARTERS, new BigDecimal("0.9"), errors);
		assertThat(errors).isEmpty();
		c.rulesFor(MeetingKind.COUNCIL, MotionType.BUDGET, Majority.ABSOLUTE, new BigDecimal("0.5"), errors);
		assertThat(errors).extracting(Invalid.FieldError::field).containsExactly("quorum", "majority");
	}

	@Test
	void aCharterWithInvalidEntriesNamesEachOfThem() {
		assertThatThrownBy(() -> Charter.parse("x", java.util.Map.of("COUNCIL", new BigDecimal("2")),
				java.util.Map.of("WAR", "SIMPLE", "ORDINARY", "MOST"), 11, 0))
			.isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).extracting(Invalid.FieldError::field)
				.containsExactlyInAnyOrder("quorum.COUNCIL", "majority.WAR", "majority.ORDINARY", "maxProxiesPerHolder"));
	}
}
