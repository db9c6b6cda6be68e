package org.alliancehub.survey.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

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

	static boolean dominated(List<Double> values) {
		double total = 0;
		double first = 0;
		double second = 0;
		for (double v : values) {
			double x = Math.abs(v);
			total += x;
			if (x > first) {
				second = first;
				first = x;
			}
			else if (x > second) {
				second = x;
			}
		}
		return first > 0.85 * total || first + second > 0.90 * total;
	}

	@Test
	void aCellWhoseLargestContributorHoldsMoreThan85PercentIsSuppressedWithAnother() {
		// the total and two provinces: the first is dominated by one firm, so the second goes with it
		double[] values = { 100, 200, 300, 400, 50000, 1000, 2000, 3000, 4000 };
		int[][] groupOf = { new int[9], { 0, 0, 0, 0, 0, 1, 1, 1, 1 } };
		boolean[][] s = Suppression.disclosure(values, 9, groupOf, new int[] { 1, 2 },
				new boolean[][] { none(1), none(2) }, 3);
		assertThat(s[0]).containsExactly(false);
		assertThat(s[1]).containsExactly(true, true);
	}

	@Test
	void twoLargestHoldingMoreThan90PercentDominateACell() {
		assertThat(Suppression.safe(new double[] { 3000, 4000, 10, 20, 700 }, 3)).isFalse();
		assertThat(Suppression.safe(new double[] { 3000, 4000, 10, 20, 800 }, 3)).isTrue();
		assertThat(Suppression.safe(new double[] { 1, 1 }, 3)).isFalse();
	}

	@Test
	void aBreakdownCannotBeSubtractedFromAnotherToIsolateTwoFirms() {
		// province 0 holds five firms; size class 0 holds three of them and size class 1 the other two and three
		// more elsewhere: province 0 minus size class 0 would be the two firms 3 and 4
		double[] values = { 10, 11, 12, 13, 14, 15, 16, 17, 18 };
		int[] province = { 0, 0, 0, 0, 0, 1, 1, 1, 1 };
		int[] size = { 0, 0, 0, 1, 1, 1, 1, 1, 1 };
		boolean[][] s = Suppression.disclosure(values, 9, new int[][] { new int[9], province, size },
				new int[] { 1, 2, 2 }, new boolean[][] { none(1), none(2), none(2) }, 3);
		assertThat(s[1][0] || s[2][0]).as("province 0 and size class 0 not both published").isTrue();
	}

	/**
	 * Whatever the answers and however they fall into three breakdowns: no published cell rests on fewer than
	 * three or a dominated set, and no published cell minus any published cells of another breakdown that lie
	 * inside it (every subset of them) leaves fewer than three or a dominated set.
	 */
	@Test
	void noPublishedCombinationAcrossBreakdownsIsolatesFewerThanThreeOrADominatedSet() {
		Random random = new Random(7);
		for (int run = 0; run < 3000; run++) {
			int n = random.nextInt(25);
			double[] values = new double[n];
			for (int i = 0; i < n; i++) {
				int kind = random.nextInt(10);
				values[i] = kind == 0 ? Double.NaN : kind == 1 ? random.nextInt(100_000) : kind == 2 ? -random.nextInt(50)
						: random.nextInt(100);
			}
			int dims = 4;
			int[] cells = { 1, 1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(4) };
			int[][] groupOf = new int[dims][n];
			boolean[][] already = new boolean[dims][];
			for (int d = 0; d < dims; d++) {
				for (int i = 0; i < n; i++) {
					groupOf[d][i] = random.nextInt(cells[d]);
				}
				already[d] = new boolean[cells[d]];
				for (int c = 0; d > 0 && c < cells[d]; c++) {
					already[d][c] = random.nextInt(12) == 0;
				}
			}
			boolean[][] s = Suppression.disclosure(values, n, groupOf, cells, already, 3);
			List<List<Set<Integer>>> members = new ArrayList<>();
			for (int d = 0; d < dims; d++) {
				List<Set<Integer>> m = new ArrayList<>();
				for (int c = 0; c < cells[d]; c++) {
					m.add(new HashSet<>());
				}
				for (int i = 0; i < n; i++) {
					if (!Double.isNaN(values[i])) {
						m.get(groupOf[d][i]).add(i);
					}
				}
				members.add(m);
			}
			for (int a = 0; a < dims; a++) {
				for (int ca = 0; ca < cells[a]; ca++) {
					if (already[a][ca]) {
						assertThat(s[a][ca]).isTrue();
					}
					Set<Integer> cell = members.get(a).get(ca);
					if (s[a][ca] || cell.isEmpty()) {
						continue;
					}
					assertThat(cell.size() >= 3 && !dominated(valuesOf(values, cell)))
						.as("run %d: published cell %d/%d is small or dominated", run, a, ca).isTrue();
					for (int d = 0; d < dims; d++) {
						if (d == a) {
							continue;
						}
						List<Set<Integer>> inside = new ArrayList<>();
						for (int cd = 0; cd < cells[d]; cd++) {
							Set<Integer> other = members.get(d).get(cd);
							if (!s[d][cd] && !other.isEmpty() && cell.containsAll(other)) {
								inside.add(other);
							}
						}
						for (int mask = 1; mask < (1 << inside.size()); mask++) {
							Set<Integer> rest = new HashSet<>(cell);
							for (int k = 0; k < inside.size(); k++) {
								if ((mask & (1 << k)) != 0) {
									rest.removeAll(inside.get(k));
								}
							}
							if (!rest.isEmpty()) {
								assertThat(rest.size() >= 3 && !dominated(valuesOf(values, rest)))
									.as("run %d: cell %d/%d minus cells of breakdown %d leaves %s", run, a, ca, d, rest)
									.isTrue();
							}
						}
					}
				}
			}
		}
	}

	static List<Double> valuesOf(double[] values, Set<Integer> who) {
		return who.stream().map(i -> values[i]).toList();
	}
}
