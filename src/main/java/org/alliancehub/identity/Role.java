package org.alliancehub.identity;

/** What a user may act as: the whole network, one alliance's secretariat, or one organisation. */
public enum Role {
	NETWORK_ADMIN, SECRETARIAT, MEMBER_REP
}
