package org.alliancehub.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.Users;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who signed in, never what they may do: each signed-in request reads the user again
 * (one statement), so a role taken away or given takes effect on the next request. A session whose user
 * has been disabled, or has changed their password since signing in, ends here and the request goes on
 * as anonymous.
 */
class CurrentUserFilter extends OncePerRequestFilter {

	private final Users users;

	CurrentUserFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AllianceUser signedIn) {
			Optional<AllianceUser> now = users.current(signedIn.id())
				.filter(AllianceUser::isEnabled)
				.filter(u -> u.credentialsVersion() == signedIn.credentialsVersion());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			if (now.isPresent()) {
				var fresh = UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities());
				fresh.setDetails(auth.getDetails());
				context.setAuthentication(fresh);
			}
			else {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			// For this request only: the session keeps what it had, so the next request compares again.
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
