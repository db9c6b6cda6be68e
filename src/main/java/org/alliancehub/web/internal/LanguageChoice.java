package org.alliancehub.web.internal;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.web.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The visitor's language, remembered by Spring's cookie resolver (cookie {@code lang}, a year, HttpOnly,
 * SameSite=Lax); {@code ?lang=} reaches it through Spring's {@code LocaleChangeInterceptor}. Only the three
 * languages of {@link Language} are remembered, and a choice equal to the remembered one writes no cookie.
 * Reading goes through {@link Language#of}, which the filters running before Spring MVC (the page cache and
 * the 繁體 conversion) share, so that all agree on a request's language.
 */
class LanguageChoice extends CookieLocaleResolver {

	LanguageChoice() {
		super(Language.COOKIE);
		setCookieMaxAge(Duration.ofDays(365));
		setCookiePath("/");
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setDefaultLocale(Language.ZH_CN.locale());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Language.of(request).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Language chosen = locale == null ? null : Language.parse(locale.toLanguageTag());
		if (chosen != null && chosen != Language.fromCookie(request)) {
			super.setLocale(request, response, chosen.locale());
		}
	}
}
