package org.alliancehub.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.Representation;
import org.springframework.stereotype.Component;

/** Tells the membership module who acts for organisations, from the access policy and the roles stored. */
@Component
class MembershipRepresentation implements Representation {

	private final Access access;

	private final Users users;

	MembershipRepresentation(Access access, Users users) {
		this.access = access;
		this.users = users;
	}

	@Override
	public boolean callerIsNetworkAdmin() {
		return access.isNetworkAdmin();
	}

	@Override
	public Set<Long> callerSecretariatOf() {
		return access.currentUser()
			.map(u -> u.roles()
				.stream()
				.filter(r -> r.role() == Role.SECRETARIAT && r.allianceId() != null)
				.map(RoleGrant::allianceId)
				.collect(Collectors.toSet()))
			.orElse(Set.of());
	}

	@Override
	public boolean callerActsFor(long organizationId) {
		return access.canActFor(organizationId);
	}

	@Override
	public boolean hasRepresentative(long organizationId) {
		return users.hasRepresentative(organizationId);
	}
}
