package org.alliancehub.survey;

/** An answer saved but not handed in, handed in, or handed back by the secretariat to be corrected. */
public enum ResponseStatus {
	DRAFT, SUBMITTED, REOPENED
}
