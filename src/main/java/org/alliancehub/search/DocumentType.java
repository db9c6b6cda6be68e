package org.alliancehub.search;

/** The kinds of things search finds. */
public enum DocumentType {
	ARTICLE, BRIEFING, ORGANIZATION, EVENT, MINUTES, PROJECT, AGREEMENT, BASE, RESOURCE, DEMAND, ACHIEVEMENT, STANDARD
}
