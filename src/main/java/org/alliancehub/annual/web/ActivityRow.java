package org.alliancehub.annual.web;

import java.util.List;

import org.alliancehub.annual.ActivityRanking.IndicatorPoints;
import org.jspecify.annotations.Nullable;

/**
 * A line of the activity dashboard: the alliance, its score and rank, the score of the year before and the
 * change (null when it was not scored then), and its points by indicator.
 */
public record ActivityRow(String slug, String name, double score, int rank, @Nullable Double previous,
		@Nullable Double change, boolean up, boolean down, List<IndicatorPoints> indicators) {
}
