package org.alliancehub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.Users;
import org.alliancehub.web.Language;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in user who chooses a language in the language switch ({@code ?lang=}) keeps it: it is stored with the
 * user (one statement, only on the request that chooses), so that its e-mail comes in that language and the
 * next sign-in, in any browser, starts in it (the sign-in sets the language cookie from the user's choice).
 */
@Configuration(proxyBeanMethods = false)
class LanguageRemembered implements WebMvcConfigurer, HandlerInterceptor {

	private final Access access;

	private final Users users;

	LanguageRemembered(Access access, Users users) {
		this.access = access;
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Language chosen = Language.parse(request.getParameter(Language.PARAM));
		if (chosen != null) {
			access.currentUser().ifPresent(u -> users.chooseLanguage(u.id(), chosen.tag()));
		}
		return true;
	}
}
