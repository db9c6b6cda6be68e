package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** A draft survey was deleted by its alliance's secretariat before anyone was asked. */
public record SurveyDeleted(long id, Long allianceId, String title) implements DomainEvent {

	public String action() {
		return "survey.deleted";
	}

	public String subject() {
		return "survey:" + id;
	}

	public String summary() {
		return "deleted the draft survey «" + title + "»";
	}
}
