package org.alliancehub.survey;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The statistics of one survey as one viewer may see them. {@code internal} is true for the alliance's
 * secretariat, who sees every figure; for anyone else no cell rests on fewer than {@link #MINIMUM_CELL}
 * organisations and suppressed cells carry no figures ({@code suppressed} is true, the figures null).
 */
public record SurveyStatistics(long surveyId, long allianceId, String title, String period, String status,
		boolean internal, int recipients, int respondents, @Nullable Double responseRate, List<FieldFigures> fields,
		@Nullable GroupBy groupBy, List<Group> groups, List<Period> history) {

	/** The fewest organisations a published figure may rest on. */
	public static final int MINIMUM_CELL = 3;

	/** The fewest organisations whose median and quartiles may be published (never their minimum or maximum). */
	public static final int MINIMUM_FOR_QUARTILES = 5;

	/** The figures of one numeric field over a set of respondents; all null when suppressed or unanswered. */
	public record FieldFigures(String key, String label, String type, @Nullable String unit, @Nullable Integer count,
			@Nullable Double sum, @Nullable Double mean, @Nullable Double median, @Nullable Double q1,
			@Nullable Double q3, @Nullable Double min, @Nullable Double max, boolean suppressed,
			@Nullable Growth growth) {
	}

	/** Growth against the previous period, as ratios (0.1 = +10 %); null parts when not computable. */
	public record Growth(long previousSurveyId, String previousPeriod, @Nullable Double sum, @Nullable Double mean) {
	}

	/** One group of the breakdown; a suppressed group carries no figures at all. */
	public record Group(String group, String label, @Nullable Integer respondents, boolean suppressed,
			@Nullable List<FieldFigures> fields) {
	}

	/** The totals of one period (this survey and those it was copied from, oldest first), for the line chart. */
	public record Period(long surveyId, String period, List<PeriodField> fields) {
	}

	public record PeriodField(String key, @Nullable Integer count, @Nullable Double sum, @Nullable Double mean) {
	}
}
