package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A user's roles were replaced, e.g. an organisation named a new representative: by {@code by}, who added and
 * removed the roles named (each with its organisation or alliance); {@code roles} are those the user holds now.
 */
public record UserRolesChanged(long id, String username, String roles, String by, String added, String removed,
		@Nullable Long allianceId) implements DomainEvent {

	@Override
	public String action() {
		return "user.roles-changed";
	}

	@Override
	public String subject() {
		return "user:" + username;
	}

	@Override
	public String summary() {
		return by + " changed the roles of user " + username + ": added " + (added.isEmpty() ? "(none)" : added)
				+ "; removed " + (removed.isEmpty() ? "(none)" : removed) + "; now " + (roles.isEmpty() ? "(none)" : roles);
	}
}
