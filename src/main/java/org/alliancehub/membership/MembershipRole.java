package org.alliancehub.membership;

/** Governance roles in an alliance, highest rank first (理事长单位 … 成员单位). */
public enum MembershipRole {
	CHAIR, VICE_CHAIR, SECRETARY_GENERAL, COUNCIL, SUPERVISOR, MEMBER;

	/** Roles shown as the alliance's leadership (governance seats). */
	public boolean isGovernance() {
		return this != MEMBER && this != COUNCIL;
	}
}
