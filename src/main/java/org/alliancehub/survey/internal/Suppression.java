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
}
