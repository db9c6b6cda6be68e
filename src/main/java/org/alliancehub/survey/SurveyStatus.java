package org.alliancehub.survey;

/** A survey is built as a draft, asks its recipients once published, and takes no answers once closed. */
public enum SurveyStatus {
	DRAFT, PUBLISHED, CLOSED
}
