package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** An organisation handed in its answer to a survey (again, after a reopening, with a higher revision). */
public record ResponseSubmitted(long surveyId, Long allianceId, long organizationId, long responseId, int revision)
		implements DomainEvent {

	public String action() {
		return "survey.response.submitted";
	}

	public String subject() {
		return "survey:" + surveyId + ":organization:" + organizationId;
	}

	public String summary() {
		return "submitted revision " + revision + " of the answer of organisation " + organizationId;
	}
}
