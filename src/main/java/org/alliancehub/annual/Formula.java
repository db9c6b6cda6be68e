package org.alliancehub.annual;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A version of the activity formula, as published: for each indicator a weight and a cap. An indicator gives
 * {@code weight × min(value, d) / d} points, where {@code d} is the cap ({@link Normalisation#CAP}) or the
 * smaller of the cap and the best value of any alliance in the period ({@link Normalisation#BEST}); the score
 * is the sum of the points (0 to the sum of the weights, 100 with the published weights).
 */
public record Formula(int version, Normalisation normalisation, List<Indicator> indicators, @Nullable String note,
		@Nullable OffsetDateTime createdAt) {

	public enum Normalisation {
		/** divided by the indicator's cap */
		CAP,
		/** divided by the best value of the period, at most the cap */
		BEST
	}

	/** One indicator: the fact it reads, its weight (most points) and the value that earns them all. */
	public record Indicator(String key, double weight, long cap) {
	}

	/** The points an indicator gives to a value, with {@code divisor} the cap or the period's best, capped. */
	public static double points(Indicator i, long value, long divisor) {
		if (divisor <= 0 || value <= 0) {
			return 0;
		}
		return round(i.weight() * Math.min(value, divisor) / divisor);
	}

	/** The divisor of an indicator given the period's best value. */
	public long divisor(Indicator i, long best) {
		return normalisation == Normalisation.CAP ? i.cap() : Math.min(i.cap(), best);
	}

	public double maximum() {
		return round(indicators.stream().mapToDouble(Indicator::weight).sum());
	}

	static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}
}
