package org.alliancehub.survey;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A survey the current user is to answer for one of its organisations, and where that answer stands. */
public record SurveyTask(long surveyId, String alliance, String title, String period, SurveyStatus surveyStatus,
		OffsetDateTime deadline, long organizationId, String organizationName, @Nullable ResponseStatus status) {

	/** The survey no longer takes answers: the list says so beside the answer's status. */
	public boolean surveyClosed() {
		return surveyStatus == SurveyStatus.CLOSED;
	}
}
