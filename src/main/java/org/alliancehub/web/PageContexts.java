package org.alliancehub.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Makes the {@link PageContext} of a request. */
@Component
public class PageContexts {

	private final MessageSource messages;

	PageContexts(MessageSource messages) {
		this.messages = messages;
	}

	public PageContext of(HttpServletRequest request) {
		return new PageContext(request, messages);
	}
}
