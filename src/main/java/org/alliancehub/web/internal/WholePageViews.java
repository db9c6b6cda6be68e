package org.alliancehub.web.internal;

import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * jte's views, each page rendered into memory first and written to the response in one call. jte's own view writes
 * every piece of a template (hundreds per page) to the response's writer, and each write went through Spring
 * Security's and Spring Session's response wrappers, which count the length written against the buffer on every
 * call (about a sixth of a fresh page's time in the profile of stop 23). The page's characters are the same; only
 * the number of writes changes.
 *
 * <p>The page is rendered as UTF-8 bytes ({@link PageBytes}) and written to the response's output stream: the
 * templates are precompiled with their static parts already encoded (jte-maven-plugin's {@code binaryStaticContent}),
 * so only the values a page shows are encoded per request, once, instead of building the page as a String and encoding
 * all of it again in Tomcat's writer (stop 25: jte 22 % and UTF-8 encoding 4 % of a fresh page).
 */
@Configuration(proxyBeanMethods = false)
class WholePageViews {

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine templates, JteProperties properties) {
		return new JteViewResolver(templates, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new WholePageView(templates);
			}
		};
	}

	/** {@link JteView}, rendered into memory first. */
	static final class WholePageView extends JteView {

		private final TemplateEngine templates;

		WholePageView(TemplateEngine templates) {
			super(templates);
			this.templates = templates;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			response.setContentType("text/html");
			response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
			PageBytes page = new PageBytes(16 * 1024); // the fresh home is 11 KB, an article 6.5 KB; larger pages grow it
			templates.render(getUrl(), model, page);
			java.io.OutputStream out;
			try {
				out = response.getOutputStream();
			}
			catch (IllegalStateException writerTaken) {
				// something before the view already took the writer: the same characters through it
				response.getWriter().write(new String(page.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
				return;
			}
			page.writeTo(out);
		}
	}
}
