package org.alliancehub.identity;

import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.Greeted;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, with the roles that the access policy reads. */
public final class AllianceUser implements UserDetails, CredentialsContainer, Greeted {

	private final long id;

	private final String username;

	private final String displayName;

	private @Nullable String passwordHash;

	private final boolean enabled;

	private final List<RoleGrant> roles;

	private final long credentialsVersion;

	public AllianceUser(long id, String username, String displayName, @Nullable String passwordHash, boolean enabled,
			List<RoleGrant> roles) {
		this(id, username, displayName, passwordHash, enabled, roles, 0);
	}

	/**
	 * @param credentialsVersion raised when the password changes or the account is disabled; a session that
	 * signed in under another value has ended
	 */
	public AllianceUser(long id, String username, String displayName, @Nullable String passwordHash, boolean enabled,
			List<RoleGrant> roles, long credentialsVersion) {
		this.credentialsVersion = credentialsVersion;
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.roles = List.copyOf(roles);
	}

	public long id() {
		return id;
	}

	@Override
	public String displayName() {
		return displayName;
	}

	public long credentialsVersion() {
		return credentialsVersion;
	}

	public List<RoleGrant> roles() {
		return roles;
	}

	public boolean has(Role role) {
		return roles.stream().anyMatch(r -> r.role() == role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.role().name())).distinct().toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
