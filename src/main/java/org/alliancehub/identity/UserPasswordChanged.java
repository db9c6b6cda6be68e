package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** A user changed their password; every session and token of theirs has ended. */
public record UserPasswordChanged(long id, String username) implements DomainEvent {

	@Override
	public String action() {
		return "user.password-changed";
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
		return "changed the password of user " + username + " (signed out everywhere)";
	}
}
