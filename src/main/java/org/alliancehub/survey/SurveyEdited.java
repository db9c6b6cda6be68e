package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** A draft survey was changed by its alliance's secretariat. */
public record SurveyEdited(long id, Long allianceId, String title, long version) implements DomainEvent {

	public String action() {
		return "survey.edited";
	}

	public String subject() {
		return "survey:" + id;
	}

	public String summary() {
		return "edited the draft survey «" + title + "» (version " + version + ")";
	}
}
