package org.alliancehub.demo;

import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.Users;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Demo content made by a demo account, so that it passes the same access checks a person's work would. */
final class SignedIn {

	private SignedIn() {
	}

	static void as(Users users, String username, Runnable work) {
		AllianceUser user = users.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
