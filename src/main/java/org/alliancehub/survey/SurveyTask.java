package org.alliancehub.survey;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A survey the current user is to answer for one of its organisations, and where that answer stands. */
public record SurveyTask(long surveyId, String alliance, String title, String period, SurveyStatus surveyStatus,
		OffsetDateTime deadline, long organizationId, String organizationName, @Nullable ResponseStatus status) {
}
