package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** A user's roles were replaced, e.g. an organisation named a new representative. */
public record UserRolesChanged(long id, String username, String roles) implements DomainEvent {

	@Override
	public String action() {
		return "user.roles-changed";
	}

	@Override
	public @Nullable Long allianceId() {
		return null;
	}

	@Override
	public String subject() {
		return "user:" + username;
	}

	@Override
	public String summary() {
		return "gave user " + username + " the roles " + (roles.isEmpty() ? "(none)" : roles);
	}
}
