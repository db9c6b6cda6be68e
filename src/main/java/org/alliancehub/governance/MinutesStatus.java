package org.alliancehub.governance;

/** Where minutes stand: written, approved (recorded who and when), published on the alliance's site. */
public enum MinutesStatus {
	DRAFT, APPROVED, PUBLISHED
}
