package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** The administrator disabled a user: sign-in, sessions and tokens end. */
public record UserDisabled(long id, String username) implements DomainEvent {

	@Override
	public String action() {
		return "user.disabled";
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
		return "disabled user " + username + " (signed out everywhere)";
	}
}
