package org.alliancehub.annual;

import java.util.List;

/**
 * The activity scores of a period under one version of the formula, best first: the answer of
 * {@code GET /api/v1/activity}.
 */
public record ActivityRanking(String period, int formula, List<Item> items) {

	/** One alliance's score, its rank (equal scores share a rank) and the breakdown by indicator. */
	public record Item(String alliance, double score, int rank, List<IndicatorPoints> indicators) {
	}

	/** What an indicator gave: the alliance's value, the indicator's weight and the points earned. */
	public record IndicatorPoints(String key, long value, double weight, double points) {
	}
}
