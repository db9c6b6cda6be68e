package org.alliancehub.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Makes the {@link PageContext} of a request. */
@Component
public class PageContexts {

	private final MessageSource messages;

	private final String publicUrl;

	PageContexts(MessageSource messages, org.alliancehub.platform.AllianceHubProperties properties) {
		this.messages = messages;
		this.publicUrl = properties.publicUrl();
	}

	public PageContext of(HttpServletRequest request) {
		return new PageContext(request, messages, publicUrl);
	}
}
