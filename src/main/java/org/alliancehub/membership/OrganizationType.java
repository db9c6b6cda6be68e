package org.alliancehub.membership;

/** 产、学、研、用、资、政 and associations. */
public enum OrganizationType {
	ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, USER, FINANCE, GOVERNMENT, ASSOCIATION
}
