package org.alliancehub.identity;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * One role of a user, bound to an alliance (SECRETARIAT) or an organisation (MEMBER_REP). Serializable: a signed-in
 * session (kept in PostgreSQL by Spring Session) holds the user with their grants.
 */
public record RoleGrant(Role role, @Nullable Long allianceId, @Nullable Long organizationId) implements Serializable {

	public static RoleGrant networkAdmin() {
		return new RoleGrant(Role.NETWORK_ADMIN, null, null);
	}

	public static RoleGrant secretariat(long allianceId) {
		return new RoleGrant(Role.SECRETARIAT, allianceId, null);
	}

	public static RoleGrant memberRep(long organizationId) {
		return new RoleGrant(Role.MEMBER_REP, null, organizationId);
	}
}
