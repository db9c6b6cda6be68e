package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** A survey takes no more answers. */
public record SurveyClosed(long id, Long allianceId, String title) implements DomainEvent {

	public String action() {
		return "survey.closed";
	}

	public String subject() {
		return "survey:" + id;
	}

	public String summary() {
		return "closed the survey «" + title + "»";
	}
}
