package org.alliancehub.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/** Deny by default: a handler of ours that declares no access rule is refused before it runs. */
class DeclaredAccessTests {

	static class Handlers {

		@PreAuthorize("permitAll()")
		public String declared() {
			return "";
		}

		public String forgotten() {
			return "";
		}
	}

	@PreAuthorize("isAuthenticated()")
	static class DeclaredForTheWholeClass {

		public String any() {
			return "";
		}
	}

	private final DeclaredAccess guard = new DeclaredAccess();

	private boolean call(Object bean, String method) throws Exception {
		return guard.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
				new HandlerMethod(bean, bean.getClass().getMethod(method)));
	}

	@Test
	void aHandlerThatDeclaresNoRuleIsRefused() {
		assertThatThrownBy(() -> call(new Handlers(), "forgotten")).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("forgotten");
	}

	@Test
	void aHandlerWithItsOwnRuleOrItsClassRuleGoesOnToThatRule() throws Exception {
		assertThat(call(new Handlers(), "declared")).isTrue();
		assertThat(call(new DeclaredForTheWholeClass(), "any")).isTrue();
	}

	@Test
	void handlersOfLibrariesKeepTheirOwnRules() throws Exception {
		assertThat(call(new StringBuilder(), "toString")).isTrue();
	}
}
