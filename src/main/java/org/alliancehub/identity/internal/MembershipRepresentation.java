package org.alliancehub.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.membership.Representation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the membership module who acts for organisations, from the access policy and the roles stored. */
@Component
class MembershipRepresentation implements Representation {

	private final Access access;

	private final JdbcClient jdbc;

	MembershipRepresentation(Access access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
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
		return jdbc.sql("select exists(select 1 from user_role where role = 'MEMBER_REP' and organization_id = ?)")
			.param(organizationId)
			.query(Boolean.class)
			.single();
	}
}
