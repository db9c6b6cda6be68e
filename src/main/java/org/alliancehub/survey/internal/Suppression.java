package org.alliancehub.survey.internal;

/**
 * Which cells of a breakdown may not be published. Primary suppression: a cell resting on one or two
 * organisations. Complementary (secondary) suppression: the total is published, so the suppressed cells
 * together are known by subtraction; as long as they are a single cell, or together rest on fewer than the
 * minimum number of organisations, the smallest published cell is suppressed as well. Cells without any
 * organisation neither need nor give protection.
 */
public final class Suppression {

	private Suppression() {
	}

	/**
	 * @param counts the organisations behind each cell
	 * @param already cells suppressed already (for instance the whole group), kept suppressed
	 * @param minimum the fewest organisations a published cell may rest on
	 * @return for each cell, whether it is suppressed
	 */
	public static boolean[] cells(int[] counts, boolean[] already, int minimum) {
		boolean[] suppressed = already.clone();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0 && counts[i] < minimum) {
				suppressed[i] = true;
			}
		}
		while (true) {
			int cells = 0;
			long organisations = 0;
			for (int i = 0; i < counts.length; i++) {
				if (suppressed[i] && counts[i] > 0) {
					cells++;
					organisations += counts[i];
				}
			}
			if (cells == 0 || (cells > 1 && organisations >= minimum)) {
				return suppressed;
			}
			int next = -1;
			for (int i = 0; i < counts.length; i++) {
				if (!suppressed[i] && counts[i] > 0 && (next < 0 || counts[i] < counts[next])) {
					next = i;
				}
			}
			if (next < 0) {
				// every cell is suppressed: only the total is left, and it is suppressed on its own when too small
				return suppressed;
			}
			suppressed[next] = true;
		}
	}

	/** A cell is dominated when its largest contributor holds more than this share of its total ... */
	public static final double DOMINANCE_ONE = 0.85;

	/** ... or its two largest contributors together more than this share. */
	public static final double DOMINANCE_TWO = 0.90;

	/**
	 * Statistical disclosure control of one numeric field over several breakdowns of the same respondents at
	 * once (the total, by province, by type, by size class), so that no published figure, and no difference of
	 * published figures, rests on fewer than {@code minimum} organisations or on a dominated set.
	 * <ul>
	 * <li>Primary: a cell with fewer than {@code minimum} contributors, or dominated (the largest contributor
	 * holds more than 85 % of the total of absolute values, or the two largest more than 90 %), is suppressed.
	 * <li>Differences: for every published cell A of any breakdown (the total included) and every other
	 * breakdown D, the published cells of D whose contributors all lie in A are subtracted from A; the rest
	 * (A's contributors not in those cells) must be empty, or hold at least {@code minimum} contributors and
	 * not be dominated. Taking A as the total gives complementary suppression; taking A as a province and D
	 * the size classes catches one breakdown subtracted from another. Subtracting only some of those cells
	 * leaves a rest that is the safe rest plus published cells, and a union of undominated disjoint sets is not
	 * dominated, so checking the full subtraction covers every partial one. When the rest is unsafe, the
	 * smallest published cell of D inside A is suppressed too, and everything is checked again until nothing
	 * changes (it ends: suppressions only grow, and once every cell of D in A is suppressed the rest is A).
	 * </ul>
	 * Combinations of three or more breakdowns would need their intersections, which are never published.
	 *
	 * @param values each respondent's value, NaN where unanswered
	 * @param size the number of respondents
	 * @param groupOf for each breakdown, the cell of each respondent
	 * @param cells for each breakdown, its number of cells
	 * @param already for each breakdown, cells suppressed already (kept suppressed)
	 * @param minimum the fewest contributors a published figure may rest on
	 * @return for each breakdown, whether each cell is suppressed
	 */
	public static boolean[][] disclosure(double[] values, int size, int[][] groupOf, int[] cells, boolean[][] already,
			int minimum) {
		int dims = cells.length;
		boolean[][] suppressed = new boolean[dims][];
		Stats[][] stats = new Stats[dims][];
		for (int d = 0; d < dims; d++) {
			suppressed[d] = already[d].clone();
			stats[d] = new Stats[cells[d]];
			for (int c = 0; c < cells[d]; c++) {
				stats[d][c] = new Stats();
			}
			for (int i = 0; i < size; i++) {
				if (!Double.isNaN(values[i])) {
					stats[d][groupOf[d][i]].add(values[i]);
				}
			}
			for (int c = 0; c < cells[d]; c++) {
				if (stats[d][c].count > 0 && !stats[d][c].safe(minimum)) {
					suppressed[d][c] = true;
				}
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int a = 0; a < dims; a++) {
				for (int d = 0; d < dims; d++) {
					if (a != d && protect(values, size, groupOf, cells, stats, suppressed, a, d, minimum)) {
						changed = true;
					}
				}
			}
		}
		return suppressed;
	}

	/** Checks every published cell of breakdown {@code a} against breakdown {@code d}; true if it suppressed more. */
	private static boolean protect(double[] values, int size, int[][] groupOf, int[] cells, Stats[][] stats,
			boolean[][] suppressed, int a, int d, int minimum) {
		// how many contributors each (cell of a, cell of d) pair shares: a cell of d lies in a cell of a when all its do
		int[][] shared = new int[cells[a]][cells[d]];
		for (int i = 0; i < size; i++) {
			if (!Double.isNaN(values[i])) {
				shared[groupOf[a][i]][groupOf[d][i]]++;
			}
		}
		Stats[] rest = new Stats[cells[a]];
		for (int c = 0; c < cells[a]; c++) {
			rest[c] = new Stats();
		}
		for (int i = 0; i < size; i++) {
			if (Double.isNaN(values[i])) {
				continue;
			}
			int ca = groupOf[a][i];
			int cd = groupOf[d][i];
			if (suppressed[a][ca]) {
				continue;
			}
			boolean subtracted = !suppressed[d][cd] && shared[ca][cd] == stats[d][cd].count;
			if (!subtracted) {
				rest[ca].add(values[i]);
			}
		}
		boolean more = false;
		for (int ca = 0; ca < cells[a]; ca++) {
			if (suppressed[a][ca] || rest[ca].count == 0 || rest[ca].safe(minimum)) {
				continue;
			}
			int next = -1;
			for (int cd = 0; cd < cells[d]; cd++) {
				Stats s = stats[d][cd];
				if (!suppressed[d][cd] && s.count > 0 && shared[ca][cd] == s.count
						&& (next < 0 || s.count < stats[d][next].count
								|| (s.count == stats[d][next].count && s.total < stats[d][next].total))) {
					next = cd;
				}
			}
			if (next >= 0) {
				suppressed[d][next] = true;
				more = true;
			}
		}
		return more;
	}

	/** Whether a set of values may be published: enough contributors and no dominant one or two. */
	public static boolean safe(double[] values, int minimum) {
		Stats s = new Stats();
		for (double v : values) {
			s.add(v);
		}
		return s.safe(minimum);
	}

	/** Count, total of absolute values and the two largest absolute values of a set of contributors. */
	private static final class Stats {

		int count;

		double total;

		double first;

		double second;

		void add(double v) {
			double x = Math.abs(v);
			count++;
			total += x;
			if (x > first) {
				second = first;
				first = x;
			}
			else if (x > second) {
				second = x;
			}
		}

		boolean safe(int minimum) {
			return count >= minimum && !(first > DOMINANCE_ONE * total) && !(first + second > DOMINANCE_TWO * total);
		}
	}
}
