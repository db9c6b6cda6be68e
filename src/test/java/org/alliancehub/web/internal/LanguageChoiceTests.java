package org.alliancehub.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

class LanguageChoiceTests {

	private final LanguageChoice resolver = new LanguageChoice();

	private MockHttpServletResponse choose(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		request.setAttribute(org.springframework.web.servlet.DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		change.preHandle(request, response, new Object());
		return response;
	}

	@Test
	void aChosenLanguageIsRememberedInAYearLongHttpOnlyCookieThroughSpringsInterceptor() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setParameter("lang", "zh-TW");
		Cookie cookie = choose(request).getCookie("lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("zh-TW");
		assertThat(cookie.getMaxAge()).isEqualTo(365 * 24 * 3600);
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.TRADITIONAL_CHINESE);
	}

	@Test
	void aLanguageTheSiteDoesNotSpeakOrTheOneAlreadyRememberedWritesNoCookie() throws Exception {
		MockHttpServletRequest french = new MockHttpServletRequest("GET", "/");
		french.setParameter("lang", "fr");
		assertThat(choose(french).getCookie("lang")).isNull();
		assertThat(resolver.resolveLocale(french)).isEqualTo(Locale.SIMPLIFIED_CHINESE);

		MockHttpServletRequest again = new MockHttpServletRequest("GET", "/");
		again.setCookies(new Cookie("lang", "en"));
		again.setParameter("lang", "en");
		assertThat(choose(again).getCookie("lang")).isNull();
		assertThat(resolver.resolveLocale(again)).isEqualTo(Locale.ENGLISH);
	}
}
