package org.alliancehub.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Deny by default: a request reaches one of our handlers only when the handler (or its class) declares who
 * may call it with {@code @PreAuthorize}; the security filter chains no longer grant anything by path. A
 * handler whose author forgot to say is refused (401 to strangers, 403 to the signed-in) instead of being
 * public, and {@code AccessAnnotationTests} names it before it is ever deployed.
 */
@Configuration(proxyBeanMethods = false)
class DeclaredAccess implements WebMvcConfigurer, HandlerInterceptor {

	private static final String OURS = "org.alliancehub.";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod h && !declared(h)) {
			throw new AccessDeniedException("no access rule declared for " + h.getShortLogMessage());
		}
		return true;
	}

	/** Whether a handler of ours declares its access rule; handlers of libraries (OpenAPI, actuator) keep their own. */
	static boolean declared(HandlerMethod h) {
		Class<?> type = h.getBeanType();
		if (!type.getName().startsWith(OURS)) {
			return true;
		}
		return AnnotatedElementUtils.hasAnnotation(h.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class);
	}
}
