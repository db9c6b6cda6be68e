package org.alliancehub.survey.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTests {

	static boolean[] none(int n) {
		return new boolean[n];
	}

	@Test
	void cellsOfThreeOrMoreArePublished() {
		assertThat(Suppression.cells(new int[] { 3, 5, 9 }, none(3), 3)).containsExactly(false, false, false);
	}

	@Test
	void aCellOfTwoTakesTheNextSmallestWithIt() {
		assertThat(Suppression.cells(new int[] { 9, 2, 4, 5 }, none(4), 3)).containsExactly(false, true, true, false);
	}

	@Test
	void twoCellsOfOneTogetherAreTooFewSoAThirdIsSuppressed() {
		assertThat(Suppression.cells(new int[] { 1, 1, 7, 6 }, none(4), 3)).containsExactly(true, true, false, true);
	}

	@Test
	void twoSmallCellsThatTogetherReachThreeProtectEachOther() {
		assertThat(Suppression.cells(new int[] { 1, 2, 7, 6 }, none(4), 3)).containsExactly(true, true, false, false);
	}

	@Test
	void emptyCellsNeitherNeedNorGiveProtection() {
		assertThat(Suppression.cells(new int[] { 0, 2, 0, 8, 5 }, none(5), 3))
			.containsExactly(false, true, false, false, true);
	}

	@Test
	void aCellSuppressedForTheWholeGroupIsProtectedLikeAnyOther() {
		boolean[] group = { false, false, true };
		assertThat(Suppression.cells(new int[] { 5, 6, 4 }, group, 3)).containsExactly(true, false, true);
	}

	@Test
	void withOnlyTwoCellsBothGo() {
		assertThat(Suppression.cells(new int[] { 2, 40 }, none(2), 3)).containsExactly(true, true);
	}

	/** Whatever the counts: no small cell is published, and the suppressed ones never isolate fewer than three. */
	@Test
	void noPublishedTotalLetsAnyoneSubtractTheirWayToFewerThanThree() {
		Random random = new Random(42);
		for (int run = 0; run < 20000; run++) {
			int n = 1 + random.nextInt(8);
			int[] counts = new int[n];
			boolean[] already = new boolean[n];
			for (int i = 0; i < n; i++) {
				counts[i] = random.nextInt(6);
				already[i] = random.nextInt(10) == 0;
			}
			boolean[] s = Suppression.cells(counts, already, 3);
			int cells = 0;
			int organisations = 0;
			boolean allSuppressed = true;
			for (int i = 0; i < n; i++) {
				if (already[i]) {
					assertThat(s[i]).isTrue();
				}
				if (!s[i]) {
					assertThat(counts[i] == 0 || counts[i] >= 3).as("published small cell").isTrue();
					if (counts[i] > 0) {
						allSuppressed = false;
					}
				}
				else if (counts[i] > 0) {
					cells++;
					organisations += counts[i];
				}
			}
			if (cells > 0 && !allSuppressed) {
				assertThat(cells).as("a single suppressed cell is found by subtraction").isGreaterThan(1);
				assertThat(organisations).as("the suppressed cells together").isGreaterThanOrEqualTo(3);
			}
		}
	}
}
