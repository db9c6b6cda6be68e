package org.alliancehub.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.web.PageContext;
import org.alliancehub.web.PageContexts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@code ctx}. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final PageContexts contexts;

	PageModel(PageContexts contexts) {
		this.contexts = contexts;
	}

	@ModelAttribute("ctx")
	PageContext ctx(HttpServletRequest request) {
		return contexts.of(request);
	}
}
