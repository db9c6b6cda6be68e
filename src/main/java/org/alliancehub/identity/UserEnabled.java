package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** The administrator enabled a disabled user again. */
public record UserEnabled(long id, String username) implements DomainEvent {

	@Override
	public String action() {
		return "user.enabled";
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
		return "enabled user " + username + " again";
	}
}
