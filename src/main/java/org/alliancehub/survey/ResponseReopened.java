package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** The secretariat handed a submitted answer back to be corrected: it no longer counts as submitted. */
public record ResponseReopened(long surveyId, Long allianceId, long organizationId, long responseId, int revision,
		String reason) implements DomainEvent {

	public String action() {
		return "survey.response.reopened";
	}

	public String subject() {
		return "survey:" + surveyId + ":organization:" + organizationId;
	}

	public String summary() {
		return "reopened the answer of organisation " + organizationId + ": " + reason;
	}
}
