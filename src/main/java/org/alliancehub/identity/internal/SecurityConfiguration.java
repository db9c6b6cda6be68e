package org.alliancehub.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.LoginThrottle;
import org.alliancehub.identity.Tokens;
import org.alliancehub.identity.Users;
import org.alliancehub.shared.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Two doors: the API ({@code /api/**}) is stateless with bearer tokens and answers problems as JSON; the
 * pages use a session cookie, a login form and CSRF tokens. Fine-grained rules are in {@link org.alliancehub.identity.Access}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(prePostEnabled = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** {@code @PreAuthorize}'s commonest rules decided without SpEL, with the same decisions (see the class). */
	@Bean
	@org.springframework.context.annotation.Role(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
	static org.springframework.security.access.expression.method.MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
		return new DirectRules();
	}

	/**
	 * {@code @PreAuthorize} is the one method-security annotation the platform uses (a handler without it is refused,
	 * see {@code web.internal.DeclaredAccess}), so its advisor is the only one made: {@code prePostEnabled} would add
	 * {@code @PostAuthorize}, {@code @PreFilter} and {@code @PostFilter} advisors too, and while the context starts
	 * each advisor's pointcut looks through every method of every bean for its annotation. Spring Security's own
	 * interceptor, with the rules above as its expression handler; an {@code @PostAuthorize} or a filter annotation
	 * would not be enforced, and {@code AccessAnnotationTests} fails the build on one.
	 */
	@Bean
	@org.springframework.context.annotation.Role(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
	static org.springframework.aop.Advisor preAuthorizeAdvisor(org.springframework.context.ApplicationContext context,
			org.springframework.security.access.expression.method.MethodSecurityExpressionHandler rules) {
		PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
		manager.setApplicationContext(context);
		manager.setExpressionHandler(rules);
		return AuthorizationManagerBeforeMethodInterceptor.preAuthorize(manager);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		return new ProviderManager(provider);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Tokens tokens, ObjectMapper json) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, e) -> Problems.write(response,
				Problems.of(HttpStatus.UNAUTHORIZED, "sign in with a bearer token from POST /api/v1/auth/token"), json);
		AccessDeniedHandler forbidden = (request, response, e) -> Problems.write(response,
				Problems.of(HttpStatus.FORBIDDEN, "you may not do this"), json);
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.anonymous(a -> {
			})
			.addFilterBefore(new BearerTokenFilter(tokens, unauthorized), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			// No path is public by being a path: every handler declares who may call it with @PreAuthorize
			// (public reads say permitAll()), a handler that declares nothing is refused (web.internal.DeclaredAccess)
			// and AccessAnnotationTests names it at build time. So reads pass on to the handler's rule, and
			// a change needs a signed-in caller as well: a second line that no forgotten rule can open.
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// a group standard's public comment period: anyone comments, signed in or not; anyone verifies an
				// uploaded certificate; visitors ask for briefings by e-mail (double opt-in) (each rate-limited where served)
				.requestMatchers(HttpMethod.POST, "/api/v1/standards/*/comments", "/api/v1/certificates/verify",
						"/api/v1/alliances/*/subscriptions")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/**")
				.authenticated()
				.requestMatchers(HttpMethod.PUT, "/api/**")
				.authenticated()
				.requestMatchers(HttpMethod.PATCH, "/api/**")
				.authenticated()
				.requestMatchers(HttpMethod.DELETE, "/api/**")
				.authenticated()
				.anyRequest()
				.permitAll());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, Users users,
			org.springframework.core.env.Environment environment,
			org.springframework.web.servlet.LocaleResolver languages) throws Exception {
		// Operations: the probes say UP or DOWN to anyone (no details); the other actuator endpoints (metrics at
		// /actuator/prometheus) are for the network administrator on the public port, and for anyone who reaches
		// the management port when operators give it one (MANAGEMENT_SERVER_PORT): that port is meant for the
		// private network of the scraper and the load balancer, never published through the proxy.
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		org.springframework.security.web.util.matcher.RequestMatcher onManagementPort = request -> managementPort != null
				&& managementPort > 0 && request.getLocalPort() == managementPort;
		http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
			.frameOptions(f -> f.deny())
			.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.addFilterAfter(new CurrentUserFilter(users), SecurityContextHolderFilter.class)
			// one-click unsubscribe (RFC 8058) of the match digest and of the briefings: the mail program posts without
			// a session or CSRF token; the signed token in the address is the proof, and all it can do is unsubscribe
			.csrf(c -> c.ignoringRequestMatchers("/match-digest/unsubscribe/*", "/a/*/unsubscribe/*"))
			.addFilterBefore(new FormLoginThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(f -> f.loginPage("/login")
				.defaultSuccessUrl("/admin/", false)
				.successHandler(succeeded(throttle, users, languages))
				.failureHandler((request, response, e) -> response.sendRedirect("/login?error"))
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
			.authorizeHttpRequests(a -> a.requestMatchers("/admin/**")
				.authenticated()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers(onManagementPort)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("NETWORK_ADMIN")
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/**
	 * Gives the attempt back to the throttle, switches the browser to the language the user chose when last signed
	 * in (the language cookie, through the site's locale resolver), then goes where the visitor was headed (or the
	 * back office).
	 */
	private static AuthenticationSuccessHandler succeeded(LoginThrottle throttle, Users users,
			org.springframework.web.servlet.LocaleResolver languages) {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/admin/");
		return (request, response, authentication) -> {
			String username = request.getParameter("username");
			throttle.succeeded(username == null ? "" : username, request.getRemoteAddr());
			if (authentication.getPrincipal() instanceof org.alliancehub.identity.AllianceUser u) {
				languages.setLocale(request, response, java.util.Locale.forLanguageTag(users.language(u.id())));
			}
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Takes each sign-in attempt from the throttle's budgets before the password is checked; 429 when spent. */
	static final class FormLoginThrottle extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		FormLoginThrottle(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
				String username = request.getParameter("username");
				var wait = throttle.attempt(username == null ? "" : username, request.getRemoteAddr());
				if (wait.isPresent()) {
					response.setHeader("Retry-After", String.valueOf(wait.get()));
					response.sendError(429, "too many failed sign-ins; wait " + wait.get() + " s");
					return;
				}
			}
			chain.doFilter(request, response);
		}
	}
}
