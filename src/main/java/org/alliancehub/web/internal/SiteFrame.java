package org.alliancehub.web.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.web.BackOffice;
import org.alliancehub.web.PageContexts;
import org.alliancehub.web.Site;
import org.alliancehub.web.Sites;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web layer's half of every page: a handler that takes a {@link Site} gets the alliance its
 * {@code {slug}} names, and every rendered page gets its {@code ctx} (the {@link org.alliancehub.web.PageContext}
 * of the request), its {@code frame} (the alliance's on its public site, the network's elsewhere and in the
 * back office), the {@code alliance} it is about and, in the back office, the navigation the modules
 * contribute. Controllers set none of this by hand; one that shows another alliance's frame (a meeting
 * addressed by id) puts its own {@code frame} in the model. A page rendered by an exception handler gets its
 * {@code ctx} from that handler ({@link ErrorPages}), as no handler's {@code postHandle} runs then.
 * <p>
 * The {@code ctx} is put here, once the handler is done, rather than by a {@code @ModelAttribute} advice: Spring
 * made such an advice's handler method afresh for every request, and asked for each whether the advice applies to
 * the controller (stop 29's profile of the network's home page: about 5 % of a
 * request). A handler that needs the context itself takes it from {@link PageContexts}.
 */
class SiteFrame implements HandlerMethodArgumentResolver, HandlerInterceptor {

	/** The name templates know the page context by. */
	static final String CTX = "ctx";

	private final Sites sites;

	private final BackOffice backOffice;

	private final PageContexts contexts;

	SiteFrame(Sites sites, BackOffice backOffice, PageContexts contexts) {
		this.sites = sites;
		this.backOffice = backOffice;
		this.contexts = contexts;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Site.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav, NativeWebRequest request,
			@Nullable WebDataBinderFactory binders) {
		String slug = slug(request.getNativeRequest(HttpServletRequest.class));
		if (slug == null) {
			throw new IllegalStateException(parameter + " takes a Site, but its path has no {slug}");
		}
		return sites.site(slug);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView mav) {
		if (mav == null || mav.getViewName() != null && (mav.getViewName().startsWith("redirect:")
				|| mav.getViewName().startsWith("forward:"))) {
			return;
		}
		Map<String, Object> model = mav.getModel();
		if (!model.containsKey(CTX)) {
			model.put(CTX, contexts.of(request));
		}
		if (mav.getViewName() == null) {
			return;
		}
		String slug = slug(request);
		Site site = slug == null ? null : sites.find(slug).orElse(null);
		if (site != null && !model.containsKey("alliance")) {
			model.put("alliance", site);
		}
		boolean inBackOffice = request.getRequestURI().startsWith(request.getContextPath() + "/admin");
		if (!model.containsKey("frame")) {
			model.put("frame", site != null && !inBackOffice ? sites.frame(site) : sites.networkFrame());
		}
		if (inBackOffice && !model.containsKey("backOffice") && signedIn()) {
			// under /admin/a/{slug}/ every handler requires that the user manages the alliance
			model.put("backOffice", backOffice.nav(site));
		}
	}

	private static boolean signedIn() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated()
				&& !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String slug(@Nullable HttpServletRequest request) {
		if (request == null) {
			return null;
		}
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return vars instanceof Map<?, ?> m ? (String) ((Map<String, String>) m).get("slug") : null;
	}
}
