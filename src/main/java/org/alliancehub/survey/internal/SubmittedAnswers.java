package org.alliancehub.survey.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** The submitted answers of a survey held field by field in primitive arrays (NaN where unanswered). */
public final class SubmittedAnswers {

	private int size;

	private @Nullable String[] regions = new String[1024];

	private @Nullable String[] types = new String[1024];

	private @Nullable SizeClass[] sizes = new SizeClass[1024];

	private final double[][] values;

	SubmittedAnswers(int fields) {
		values = new double[fields][1024];
	}

	void add(@Nullable String region, @Nullable String type, double[] row, int length, int[] positions,
			@Nullable SizeClass sizeClass) {
		if (size == sizes.length) {
			int capacity = size * 2;
			regions = Arrays.copyOf(regions, capacity);
			types = Arrays.copyOf(types, capacity);
			sizes = Arrays.copyOf(sizes, capacity);
			for (int f = 0; f < values.length; f++) {
				values[f] = Arrays.copyOf(values[f], capacity);
			}
		}
		regions[size] = region;
		types[size] = type;
		sizes[size] = sizeClass;
		for (int f = 0; f < positions.length; f++) {
			int p = positions[f];
			values[f][size] = p <= length ? row[p - 1] : Double.NaN;
		}
		size++;
	}

	public int size() {
		return size;
	}

	public @Nullable String region(int i) {
		return regions[i];
	}

	public @Nullable String type(int i) {
		return types[i];
	}

	/** The respondent's size class, null when the survey does not class by size or it did not answer. */
	public @Nullable SizeClass sizeClass(int i) {
		return sizes[i];
	}

	/** The answers to the f-th field, valid up to {@link #size()}. */
	public double[] values(int f) {
		return values[f];
	}
}
