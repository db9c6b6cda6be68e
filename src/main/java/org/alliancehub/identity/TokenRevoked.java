package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** A user revoked the bearer token they called with. */
public record TokenRevoked(long id, String username) implements DomainEvent {

	@Override
	public String action() {
		return "user.token-revoked";
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
		return "revoked a bearer token of user " + username + "";
	}
}
