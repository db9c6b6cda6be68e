package org.alliancehub.identity.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.shared.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** {@code @PreAuthorize}'s commonest rules decided without SpEL give SpEL's decisions; the rest is still SpEL's. */
class DirectRulesTests {

	/** Handlers as the controllers declare them. */
	static class Handlers {

		@PreAuthorize("permitAll()")
		public void open() {
		}

		@PreAuthorize("@access.canRead('article', #id)")
		public void read(long id) {
		}

		@PreAuthorize("@access.canRead('article', #id)")
		public void readBoxed(Long id) {
		}

		@PreAuthorize("@access.canManage('meeting', #meetingId)")
		public void manage(String slug, long meetingId) {
		}

		@PreAuthorize("@access.canRead('article', #id)")
		public void readInt(int id) {
		}

		@PreAuthorize("isAuthenticated() and @access.canRead('article', #id)")
		public void signedInRead(long id) {
		}

		@PreAuthorize("isAuthenticated()")
		public void signedIn() {
		}
	}

	private static final String MADE = "SpEL's context was made";

	private final Access access = access();

	/** Readable: 1 and 3; 3 may not be managed (403); anything else does not exist for the caller (404). */
	private static Access access() {
		Access a = mock(Access.class);
		when(a.canRead(anyString(), anyLong())).thenAnswer(i -> {
			long id = i.getArgument(1);
			if (id == 1 || id == 3) {
				return true;
			}
			throw new NotFound(i.getArgument(0) + " " + id);
		});
		when(a.canManage(anyString(), anyLong())).thenAnswer(i -> {
			long id = i.getArgument(1);
			if (id == 1) {
				return true;
			}
			if (id == 3) {
				return false;
			}
			throw new NotFound(i.getArgument(0) + " " + id);
		});
		return a;
	}

	private GenericApplicationContext context() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean("access", Access.class, () -> access);
		context.refresh();
		return context;
	}

	private PreAuthorizeAuthorizationManager manager(DefaultMethodSecurityExpressionHandler handler) {
		handler.setApplicationContext(context());
		PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
		manager.setExpressionHandler(handler);
		return manager;
	}

	private static Method method(String name) {
		return Arrays.stream(Handlers.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
	}

	/** "granted", "denied" or the exception's class and message. */
	private static String decide(PreAuthorizeAuthorizationManager manager, Authentication who, String method,
			Object... args) {
		try {
			AuthorizationResult r = manager.authorize(() -> who,
					new SimpleMethodInvocation(new Handlers(), method(method), args));
			return r == null ? "abstain" : r.isGranted() ? "granted" : "denied";
		}
		catch (RuntimeException e) {
			return e.getClass().getSimpleName() + ": " + e.getMessage();
		}
	}

	@Test
	void everyRuleDecidesAsSpelDoesForEveryCaller() {
		PreAuthorizeAuthorizationManager spel = manager(new DefaultMethodSecurityExpressionHandler());
		PreAuthorizeAuthorizationManager direct = manager(new DirectRules());
		List<Authentication> callers = List.of(
				new AnonymousAuthenticationToken("key", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
				new TestingAuthenticationToken("user", "pw", "ROLE_USER"));
		List<Object[]> calls = new ArrayList<>();
		calls.add(new Object[] { "open" });
		for (long id : new long[] { 1, 2, 3 }) {
			calls.add(new Object[] { "read", id });
			calls.add(new Object[] { "readBoxed", id });
			calls.add(new Object[] { "manage", "slug", id });
			calls.add(new Object[] { "readInt", (int) id });
			calls.add(new Object[] { "signedInRead", id });
		}
		calls.add(new Object[] { "signedIn" });
		List<String> decisions = new ArrayList<>();
		for (Authentication who : callers) {
			for (Object[] call : calls) {
				Object[] args = Arrays.copyOfRange(call, 1, call.length);
				String expected = decide(spel, who, (String) call[0], args);
				String actual = decide(direct, who, (String) call[0], args);
				assertThat(actual).as("%s%s for %s", call[0], Arrays.toString(args), who.getName()).isEqualTo(expected);
				decisions.add(actual);
			}
		}
		// granted, 403 and 404 all occur
		assertThat(decisions).contains("granted", "denied", "NotFound: article 2", "NotFound: meeting 2");
	}

	@Test
	void theKnownRulesAreDecidedWithoutMakingSpelsEvaluationContext() throws Exception {
		DirectRules rules = new DirectRules();
		rules.setApplicationContext(context());
		Expression canRead = rules.getExpressionParser().parseExpression("@access.canRead('article', #id)");
		Expression permitAll = rules.getExpressionParser().parseExpression("permitAll()");
		Expression canManage = rules.getExpressionParser().parseExpression("@access.canManage('meeting', #meetingId)");
		DirectRules.Deferred readOne = new DirectRules.Deferred(
				new SimpleMethodInvocation(new Handlers(), method("read"), 1L), () -> {
					throw new AssertionError(MADE);
				});
		DirectRules.Deferred manageThree = new DirectRules.Deferred(
				new SimpleMethodInvocation(new Handlers(), method("manage"), "slug", 3L), () -> {
					throw new AssertionError(MADE);
				});
		assertThat(canRead.getValue(readOne)).isEqualTo(true);
		assertThat(permitAll.getValue(readOne)).isEqualTo(true);
		assertThat(canManage.getValue(manageThree)).isEqualTo(false);
		assertThat(canRead.getExpressionString()).isEqualTo("@access.canRead('article', #id)");
		// any other rule is SpEL's, in the context made when it asks for it
		DirectRules.Deferred other = (DirectRules.Deferred) rules.createEvaluationContext(
				() -> new TestingAuthenticationToken("user", "pw", "ROLE_USER"),
				new SimpleMethodInvocation(new Handlers(), method("signedIn")));
		assertThat(rules.getExpressionParser().parseExpression("isAuthenticated()").getValue(other)).isEqualTo(true);
		assertThat(other.made()).isTrue();
	}
}
