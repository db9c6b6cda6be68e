package org.alliancehub.identity.web;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.LoginThrottle;
import org.alliancehub.identity.Tokens;
import org.alliancehub.shared.TooManyRequests;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthApi {

	private final AuthenticationManager authentication;

	private final Tokens tokens;

	private final LoginThrottle throttle;

	AuthApi(AuthenticationManager authentication, Tokens tokens, LoginThrottle throttle) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	record Credentials(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
	}

	record TokenResponse(String token, OffsetDateTime expiresAt) {
	}

	@PostMapping("/token")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Exchange a username and password for a bearer token")
	TokenResponse token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		String address = request.getRemoteAddr();
		throttle.retryAfter(credentials.username(), address).ifPresent(wait -> {
			throw new TooManyRequests(wait);
		});
		try {
			var auth = authentication.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(credentials.username(), credentials.password()));
			Tokens.IssuedToken t = tokens.issue((AllianceUser) auth.getPrincipal());
			return new TokenResponse(t.token(), t.expiresAt());
		}
		catch (AuthenticationException e) {
			throttle.failed(credentials.username(), address);
			throw new BadCredentialsException("wrong username or password");
		}
	}
}
