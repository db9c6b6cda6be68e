package org.alliancehub.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.Tokens;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API callers that send {@code Authorization: Bearer <token>}; a bad token is a 401, never anonymous. */
public class BearerTokenFilter extends OncePerRequestFilter {

	private final Tokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	public BearerTokenFilter(Tokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		AllianceUser user = tokens.authenticate(header.substring(7).strip()).orElse(null);
		if (user == null) {
			SecurityContextHolder.clearContext();
			entryPoint.commence(request, response, new BadCredentialsException("invalid or expired token"));
			return;
		}
		var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
