package org.alliancehub.membership;

public enum MembershipStatus {
	ACTIVE, SUSPENDED, WITHDRAWN
}
