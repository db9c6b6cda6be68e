package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

public record UserCreated(long id, String username, String roles) implements DomainEvent {

	@Override
	public String action() {
		return "user.created";
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
		return "created user " + username + " with roles " + roles;
	}
}
