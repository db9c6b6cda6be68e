package org.alliancehub.survey;

import java.time.OffsetDateTime;

/** A line of an alliance's survey list. */
public record SurveySummary(long id, String title, String period, SurveyStatus status, OffsetDateTime deadline,
		ResponseRate responseRate) {
}
