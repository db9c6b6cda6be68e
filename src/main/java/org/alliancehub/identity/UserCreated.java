package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A user was created with these roles ({@code roles} names each with its organisation or alliance), by
 * {@code by} ("system" for the first administrator and the demo content).
 */
public record UserCreated(long id, String username, String roles, String by, @Nullable Long allianceId)
		implements DomainEvent {

	@Override
	public String action() {
		return "user.created";
	}

	@Override
	public String subject() {
		return "user:" + username;
	}

	@Override
	public String summary() {
		return by + " created user " + username + " with the roles " + (roles.isEmpty() ? "(none)" : roles);
	}
}
