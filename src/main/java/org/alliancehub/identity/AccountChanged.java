package org.alliancehub.identity;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a user's access as a whole: disabled or enabled by the administrator, a new
 * password, a revoked token. Each ends sessions or tokens, and each goes to the audit log.
 */
public record AccountChanged(long id, String username, Change change) implements DomainEvent {

	/** What changed, with the audit action and what the log says. */
	public enum Change {

		DISABLED("user.disabled", "disabled user %s (signed out everywhere)"),
		ENABLED("user.enabled", "enabled user %s again"),
		PASSWORD_CHANGED("user.password-changed", "changed the password of user %s (signed out everywhere)"),
		TOKEN_REVOKED("user.token-revoked", "revoked a bearer token of user %s");

		private final String action;

		private final String summary;

		Change(String action, String summary) {
			this.action = action;
			this.summary = summary;
		}
	}

	@Override
	public String action() {
		return change.action;
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
		return change.summary.formatted(username);
	}
}
