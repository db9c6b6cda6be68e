package org.alliancehub.identity;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A user as the API and the back office show it: never with the password. */
public record UserView(long id, String username, String displayName, @Nullable String email, boolean enabled,
		List<RoleView> roles, OffsetDateTime createdAt) {

	public record RoleView(Role role, @Nullable String alliance, @Nullable Long organizationId) {
	}
}
