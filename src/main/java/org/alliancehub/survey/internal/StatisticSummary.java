package org.alliancehub.survey.internal;

/**
 * Count, sum, mean, quartiles, minimum and maximum of a sorted run of values. Quartiles and the median are
 * interpolated linearly between the two nearest ranks, as PostgreSQL's {@code percentile_cont} and Excel's
 * {@code PERCENTILE.INC} do, so the figures can be checked against either.
 */
public record StatisticSummary(int count, double sum, double mean, double median, double q1, double q3, double min,
		double max) {

	/** The summary of {@code sorted[from..to)}, which must be sorted ascending and hold at least one value. */
	public static StatisticSummary ofSorted(double[] sorted, int from, int to) {
		int n = to - from;
		if (n <= 0) {
			throw new IllegalArgumentException("no values");
		}
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += sorted[i];
		}
		return new StatisticSummary(n, sum, sum / n, percentile(sorted, from, n, 0.5), percentile(sorted, from, n, 0.25),
				percentile(sorted, from, n, 0.75), sorted[from], sorted[to - 1]);
	}

	/**
	 * The same summary of {@code values[from..to)} in any order, found by selection rather than sorting: the
	 * quartiles need only a few order statistics, so this costs a few linear passes instead of a sort. The
	 * range is reordered.
	 */
	public static StatisticSummary ofUnsorted(double[] values, int from, int to) {
		int n = to - from;
		if (n <= 0) {
			throw new IllegalArgumentException("no values");
		}
		double sum = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (int i = from; i < to; i++) {
			double v = values[i];
			sum += v;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		// the median first: it splits the range, and each quartile is then looked for in one part only
		int m = (int) Math.floor(0.5 * (n - 1));
		select(values, from, to, from + m);
		double medianLo = values[from + m];
		double medianHi = m + 1 < n ? min(values, from + m + 1, to) : medianLo;
		int r1 = (int) Math.floor(0.25 * (n - 1));
		double q1Lo = medianLo;
		double q1Hi = medianHi;
		if (r1 < m) {
			// the m smallest values are before the median
			select(values, from, from + m, from + r1);
			q1Lo = values[from + r1];
			q1Hi = r1 + 1 == m ? medianLo : min(values, from + r1 + 1, from + m);
		}
		int r3 = (int) Math.floor(0.75 * (n - 1));
		double q3Lo = medianLo;
		double q3Hi = medianHi;
		if (r3 > m) {
			select(values, from + m + 1, to, from + r3);
			q3Lo = values[from + r3];
			q3Hi = r3 + 1 < n ? min(values, from + r3 + 1, to) : q3Lo;
		}
		return new StatisticSummary(n, sum, sum / n, interpolate(medianLo, medianHi, 0.5 * (n - 1) - m),
				interpolate(q1Lo, q1Hi, 0.25 * (n - 1) - r1), interpolate(q3Lo, q3Hi, 0.75 * (n - 1) - r3), min, max);
	}

	private static double interpolate(double lo, double hi, double fraction) {
		return fraction == 0 ? lo : lo + fraction * (hi - lo);
	}

	private static double min(double[] a, int from, int to) {
		double min = Double.POSITIVE_INFINITY;
		for (int i = from; i < to; i++) {
			min = Math.min(min, a[i]);
		}
		return min;
	}

	/** Rearranges {@code a[from..to)} so that {@code a[k]} holds the value a sort would put there (Hoare's selection). */
	static void select(double[] a, int from, int to, int k) {
		int lo = from;
		int hi = to - 1;
		while (hi > lo) {
			double pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
			int i = lo;
			int j = hi;
			while (i <= j) {
				while (a[i] < pivot) {
					i++;
				}
				while (a[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double t = a[i];
					a[i] = a[j];
					a[j] = t;
					i++;
					j--;
				}
			}
			if (k <= j) {
				hi = j;
			}
			else if (k >= i) {
				lo = i;
			}
			else {
				return;
			}
		}
	}

	private static double median3(double a, double b, double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}

	static double percentile(double[] sorted, int from, int n, double p) {
		double rank = p * (n - 1);
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, n - 1);
		double fraction = rank - lo;
		return sorted[from + lo] + fraction * (sorted[from + hi] - sorted[from + lo]);
	}
}
