package org.alliancehub.survey;

import org.alliancehub.shared.DomainEvent;

/** A survey now asks its recipients; their number is fixed from here on. */
public record SurveyPublished(long id, Long allianceId, String title, String period, int recipients)
		implements DomainEvent {

	public String action() {
		return "survey.published";
	}

	public String subject() {
		return "survey:" + id;
	}

	public String summary() {
		return "published the survey «" + title + "» (" + period + ") to " + recipients + " organisations";
	}
}
