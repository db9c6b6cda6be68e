package org.alliancehub.survey.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Summaries of every numeric field, overall and per group, from answers held in primitive arrays: each
 * field's values are bucketed by group in one pass and the quartiles of each bucket are found by selection
 * (a few linear passes, no sort).
 */
public final class StatisticBreakdown {

	private StatisticBreakdown() {
	}

	/** The summary of one field over everybody; null when nobody answered it. */
	public static @Nullable StatisticSummary overall(double[] values, int size) {
		double[] buffer = new double[size];
		int n = 0;
		for (int i = 0; i < size; i++) {
			double v = values[i];
			if (!Double.isNaN(v)) {
				buffer[n++] = v;
			}
		}
		if (n == 0) {
			return null;
		}
		return StatisticSummary.ofUnsorted(buffer, 0, n);
	}

	/**
	 * The summary of one field per group ({@code groupOf[i]} is the group of respondent i); a null entry
	 * where nobody of the group answered. {@code counts} receives the number of answers per group.
	 */
	public static @Nullable StatisticSummary[] perGroup(double[] values, int size, int[] groupOf, int groups,
			int[] counts) {
		Arrays.fill(counts, 0);
		int total = 0;
		for (int i = 0; i < size; i++) {
			if (!Double.isNaN(values[i])) {
				counts[groupOf[i]]++;
				total++;
			}
		}
		int[] start = new int[groups + 1];
		for (int g = 0; g < groups; g++) {
			start[g + 1] = start[g] + counts[g];
		}
		int[] fill = Arrays.copyOf(start, groups);
		double[] buffer = new double[total];
		for (int i = 0; i < size; i++) {
			double v = values[i];
			if (!Double.isNaN(v)) {
				buffer[fill[groupOf[i]]++] = v;
			}
		}
		StatisticSummary[] result = new StatisticSummary[groups];
		for (int g = 0; g < groups; g++) {
			if (counts[g] > 0) {
				result[g] = StatisticSummary.ofUnsorted(buffer, start[g], start[g + 1]);
			}
		}
		return result;
	}

	/** The groups present, in the given canonical order (unknown keys after them, then the empty key). */
	public record Grouping(List<String> keys, int[] groupOf, int[] respondents) {
	}

	public static Grouping group(@Nullable String[] keyOf, int size, List<String> canonicalOrder) {
		Map<String, Integer> present = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			present.merge(keyOf[i] == null ? "" : keyOf[i], 1, Integer::sum);
		}
		List<String> keys = new ArrayList<>();
		for (String k : canonicalOrder) {
			if (present.containsKey(k) && !k.isEmpty()) {
				keys.add(k);
			}
		}
		present.keySet().stream().filter(k -> !k.isEmpty() && !keys.contains(k)).sorted().forEach(keys::add);
		if (present.containsKey("")) {
			keys.add("");
		}
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int g = 0; g < keys.size(); g++) {
			index.put(keys.get(g), g);
		}
		int[] groupOf = new int[size];
		int[] respondents = new int[keys.size()];
		for (int i = 0; i < size; i++) {
			int g = index.get(keyOf[i] == null ? "" : keyOf[i]);
			groupOf[i] = g;
			respondents[g]++;
		}
		return new Grouping(keys, groupOf, respondents);
	}
}
