package org.alliancehub.identity;

import java.util.List;
import java.util.Optional;

import org.alliancehub.membership.Memberships;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access policy, in one place: who may manage which alliance, edit which organisation, read which
 * members-only content. Controllers name the check they need ({@code @PreAuthorize("@access.canManage(#slug)")});
 * services ask it for reads that depend on the viewer.
 */
@Component("access")
public class Access {

	private final Alliances alliances;

	private final Memberships memberships;

	private final org.alliancehub.membership.Organizations organizations;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final java.util.Map<String, OwnedObjects> owned;

	Access(Alliances alliances, Memberships memberships, org.alliancehub.membership.Organizations organizations,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, List<OwnedObjects> owned) {
		this.jdbc = jdbc;
		this.owned = new java.util.HashMap<>();
		for (OwnedObjects o : owned) {
			if (this.owned.put(o.kind(), o) != null) {
				throw new IllegalStateException("two owners of the kind '" + o.kind() + "'");
			}
		}
		this.alliances = alliances;
		this.memberships = memberships;
		this.organizations = organizations;
	}

	public Optional<AllianceUser> currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AllianceUser u) {
			return Optional.of(u);
		}
		return Optional.empty();
	}

	public AllianceUser requireUser() {
		return currentUser().orElseThrow(() -> new org.springframework.security.authentication.InsufficientAuthenticationException("sign in first"));
	}

	public boolean isNetworkAdmin() {
		return currentUser().map(u -> u.has(Role.NETWORK_ADMIN)).orElse(false);
	}

	/** Manage an alliance: its profile, members, content, meetings and surveys. */
	public boolean canManage(String slug) {
		return alliances.find(slug).map(a -> canManage(a.id())).orElse(isNetworkAdmin());
	}

	/** Whether the user runs the network itself: its administrator or the network's own secretariat. */
	public boolean canManageNetwork() {
		return isNetworkAdmin() || alliances.networkId().map(this::canManage).orElse(false);
	}

	public boolean canManage(long allianceId) {
		return currentUser().map(u -> u.has(Role.NETWORK_ADMIN) || u.roles()
			.stream()
			.anyMatch(r -> r.role() == Role.SECRETARIAT && r.allianceId() != null && r.allianceId() == allianceId))
			.orElse(false);
	}

	/** Whether the user runs at least one alliance (or the network): may enter the back office and create organisations. */
	public boolean canManageAny() {
		return currentUser().map(u -> u.has(Role.NETWORK_ADMIN) || u.has(Role.SECRETARIAT)).orElse(false);
	}

	/** The alliances the user manages, for the back office; all of them for an administrator. */
	public List<Alliance> managedAlliances() {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return List.of();
		}
		if (u.has(Role.NETWORK_ADMIN)) {
			List<Alliance> all = new java.util.ArrayList<>();
			alliances.network().ifPresent(all::add);
			all.addAll(alliances.list());
			return all;
		}
		return u.roles()
			.stream()
			.filter(r -> r.role() == Role.SECRETARIAT && r.allianceId() != null)
			.map(r -> alliances.get(r.allianceId()))
			.toList();
	}

	/** Edit an organisation: its own representative, or the secretariat of an alliance it belongs to. */
	public boolean canEditOrganization(long organizationId) {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return false;
		}
		if (u.has(Role.NETWORK_ADMIN)) {
			return true;
		}
		if (u.roles().stream().anyMatch(r -> r.role() == Role.MEMBER_REP && r.organizationId() != null
				&& r.organizationId() == organizationId)) {
			return true;
		}
		return u.has(Role.SECRETARIAT)
				&& memberships.activeAlliancesOf(organizationId).stream().anyMatch(this::canManage);
	}

	/**
	 * Act for an organisation (apply for membership, vote): its representative; for the organisation that
	 * stands for an alliance in the network, that alliance's secretariat; and the administrator.
	 */
	public boolean canActFor(long organizationId) {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return false;
		}
		if (u.has(Role.NETWORK_ADMIN)) {
			return true;
		}
		if (u.roles().stream().anyMatch(r -> r.role() == Role.MEMBER_REP && r.organizationId() != null
				&& r.organizationId() == organizationId)) {
			return true;
		}
		Long represents = organizations.get(organizationId).representsAllianceId();
		return represents != null && canManage(represents);
	}

	/** The organisations the user acts for: those it represents, and those that stand for the alliances it runs. */
	public java.util.Set<Long> organizationsActedFor() {
		AllianceUser u = currentUser().orElse(null);
		return u == null ? java.util.Set.of() : organizationsActedFor(u.roles());
	}

	/**
	 * The organisations the user acts for according to its roles as stored now, not as its session
	 * remembered them at sign-in: for acts that must follow a change of representative at once (votes).
	 */
	public java.util.Set<Long> organizationsActedForNow() {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return java.util.Set.of();
		}
		return organizationsActedFor(Users.rolesOf(jdbc, u.id()));
	}

	private java.util.Set<Long> organizationsActedFor(List<RoleGrant> roles) {
		java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
		List<Long> served = new java.util.ArrayList<>();
		for (RoleGrant r : roles) {
			if (r.role() == Role.MEMBER_REP && r.organizationId() != null) {
				ids.add(r.organizationId());
			}
			if (r.role() == Role.SECRETARIAT && r.allianceId() != null) {
				served.add(r.allianceId());
			}
		}
		// one statement however many alliances the user serves (the network itself stands for no organisation)
		ids.addAll(organizations.idsRepresenting(served));
		return ids;
	}

	/**
	 * The alliances whose members-only content the current user may read; empty for visitors, and
	 * {@code null} for an administrator, who may read everything.
	 */
	public java.util.@org.jspecify.annotations.Nullable Set<Long> membersOnlyScope() {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return java.util.Set.of();
		}
		if (u.has(Role.NETWORK_ADMIN)) {
			return null;
		}
		java.util.Set<Long> scope = new java.util.HashSet<>();
		for (RoleGrant r : u.roles()) {
			if (r.role() == Role.SECRETARIAT && r.allianceId() != null) {
				scope.add(r.allianceId());
			}
			if (r.role() == Role.MEMBER_REP && r.organizationId() != null) {
				scope.addAll(memberships.activeAlliancesOf(r.organizationId()));
			}
		}
		return scope;
	}

	/**
	 * Read members-only content of an alliance: its secretariat, an administrator, and representatives of
	 * its active members.
	 */
	public boolean canReadMembersOnly(long allianceId) {
		AllianceUser u = currentUser().orElse(null);
		if (u == null) {
			return false;
		}
		if (canManage(allianceId)) {
			return true;
		}
		return u.roles()
			.stream()
			.anyMatch(r -> r.role() == Role.MEMBER_REP && r.organizationId() != null
					&& memberships.isActiveMember(allianceId, r.organizationId()));
	}

	// ---- objects addressed by an id: one rule for every kind

	/**
	 * The owner of an object, resolved by the module that serves it.
	 *
	 * @throws NotFound when there is no such object
	 */
	public Owner owner(String kind, long id) {
		OwnedObjects objects = owned.get(kind);
		if (objects == null) {
			throw new IllegalArgumentException("no module declares objects of the kind '" + kind + "'");
		}
		return objects.ownerOf(id).orElseThrow(() -> new NotFound(kind + " " + id));
	}

	/**
	 * Whether the current user may read an object: the network administrator, the owning alliance's
	 * secretariat, and the readers the owner names. Never answers false: an object the caller may not read
	 * does not exist for it.
	 *
	 * @throws NotFound when there is no such object or the caller may not read it
	 */
	public boolean canRead(String kind, long id) {
		Owner owner = owner(kind, id);
		if (!reads(owner)) {
			throw new NotFound(kind + " " + id);
		}
		return true;
	}

	/**
	 * Whether the current user may change an object: the network administrator and the owning alliance's
	 * secretariat. False (403) for a caller who may read it, and, to whoever may not even read it, the object
	 * does not exist.
	 *
	 * @throws NotFound when there is no such object or the caller may not read it
	 */
	public boolean canManage(String kind, long id) {
		Owner owner = owner(kind, id);
		if (canManage(owner.allianceId())) {
			return true;
		}
		if (!reads(owner)) {
			throw new NotFound(kind + " " + id);
		}
		return false;
	}

	/** Whether the current user reads an object of this owner (no exception: for lists and pages). */
	public boolean reads(Owner owner) {
		if (canManage(owner.allianceId())) {
			return true;
		}
		return switch (owner.readers()) {
			case PUBLIC -> true;
			case MEMBERS -> canReadMembersOnly(owner.allianceId());
			case PARTICIPANTS -> {
				java.util.Set<Long> mine = organizationsActedFor();
				yield !mine.isEmpty() && owner.participants().includesAny(mine);
			}
			case SECRETARIAT -> false;
		};
	}
}
