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

	static double percentile(double[] sorted, int from, int n, double p) {
		double rank = p * (n - 1);
		int lo = (int) Math.floor(rank);
		int hi = Math.min(lo + 1, n - 1);
		double fraction = rank - lo;
		return sorted[from + lo] + fraction * (sorted[from + hi] - sorted[from + lo]);
	}
}
