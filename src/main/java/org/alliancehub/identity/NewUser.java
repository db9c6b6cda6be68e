package org.alliancehub.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A user account as an administrator creates it. */
public record NewUser(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "{validation.username}") String username,
		@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 120) @Nullable String email,
		@NotNull @Size(min = 10, max = 200, message = "{validation.password}") String password,
		@NotEmpty @Valid List<RoleInput> roles) {

	/** A role as the API names it: the alliance by slug, the organisation by id. */
	public record RoleInput(@NotNull Role role, @Nullable String alliance, @Nullable Long organizationId) {
	}
}
