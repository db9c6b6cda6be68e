package org.alliancehub.web.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.web.PageContexts;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Error pages a person can read, in the site's language; API paths get problems as JSON instead. */
@Controller
class ErrorPages implements ErrorController {

	private final PageContexts contexts;

	ErrorPages(PageContexts contexts) {
		this.contexts = contexts;
	}

	@RequestMapping("/error")
	@PreAuthorize("permitAll()")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String s && s.startsWith("/api/")) {
			HttpStatus http = HttpStatus.resolve(status);
			return ApiProblems.problem(http == null ? HttpStatus.INTERNAL_SERVER_ERROR : http,
					http == null ? "error" : http.getReasonPhrase(), List.of());
		}
		return page(request, status);
	}

	ModelAndView page(HttpServletRequest request, int status) {
		ModelAndView mv = new ModelAndView("web/error",
				Map.of(SiteFrame.CTX, contexts.of(request), "status", status));
		mv.setStatus(HttpStatus.valueOf(status));
		return mv;
	}

	/** Domain failures raised while rendering a page. */
	@ControllerAdvice(annotations = Controller.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class PageFailures {

		private final ErrorPages pages;

		PageFailures(ErrorPages pages) {
			this.pages = pages;
		}

		@ExceptionHandler(NotFound.class)
		ModelAndView notFound(HttpServletRequest request) {
			return pages.page(request, 404);
		}

		@ExceptionHandler(Forbidden.class)
		ModelAndView forbidden(HttpServletRequest request) {
			return pages.page(request, 403);
		}

		@ExceptionHandler({ Invalid.class, org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class })
		ModelAndView invalid(HttpServletRequest request) {
			return pages.page(request, 400);
		}

		@ExceptionHandler(Conflict.class)
		ModelAndView conflict(HttpServletRequest request) {
			return pages.page(request, 409);
		}

		@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
		void security(RuntimeException e) {
			throw e;
		}
	}

}
