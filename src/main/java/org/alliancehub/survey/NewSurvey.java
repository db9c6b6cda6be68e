package org.alliancehub.survey;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A survey to create. Types, keys and rules are checked by {@link Surveys#create} so that every mistake is
 * named at once. With {@code copiedFrom} and no {@code fields}, the fields and rules of that survey (of the
 * same alliance, usually last period's) are taken over.
 */
public record NewSurvey(@Nullable String title, @Nullable String period, @Nullable String description,
		@Nullable List<Field> fields, @Nullable List<Rule> rules, @Nullable OffsetDateTime deadline,
		@Nullable Audience audience, @Nullable Long copiedFrom, @Nullable String sizeField) {

	public record Field(@Nullable String key, @Nullable String label, @Nullable String section, @Nullable String type,
			@Nullable String unit, @Nullable Boolean required, @Nullable BigDecimal min, @Nullable BigDecimal max,
			@Nullable List<String> options) {
	}

	public record Rule(@Nullable String expression, @Nullable String message) {
	}
}
