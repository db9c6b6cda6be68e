package org.alliancehub.survey.internal;

import org.alliancehub.survey.Audience;
import org.alliancehub.survey.NewSurvey;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to change in a draft survey; null leaves a part as it is. {@code fields} and {@code rules} replace the
 * survey's whole lists; an empty {@code sizeField} or {@code description} clears it. Checked exactly as
 * {@link Surveys#create} checks a new survey. A {@code version} other than the survey's is stale (409).
 */
public record SurveyPatch(@Nullable String title, @Nullable String period, @Nullable String description,
		@Nullable List<NewSurvey.Field> fields, @Nullable List<NewSurvey.Rule> rules, @Nullable OffsetDateTime deadline,
		@Nullable Audience audience, @Nullable String sizeField, @Nullable Long version) {
}
