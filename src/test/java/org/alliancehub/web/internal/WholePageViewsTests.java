package org.alliancehub.web.internal;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.springframework.boot.autoconfigure.JteView;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A page rendered into memory first is the page jte's own view writes, in one write instead of one per piece. */
class WholePageViewsTests {

	@TempDir
	Path templates;

	/** A response whose writer counts the calls that reach it, as the security and session wrappers see them. */
	private static final class Counted extends HttpServletResponseWrapper {

		final AtomicInteger writes = new AtomicInteger();

		private final MockHttpServletResponse response;

		private PrintWriter writer;

		Counted(MockHttpServletResponse response) {
			super(response);
			this.response = response;
		}

		@Override
		public PrintWriter getWriter() throws java.io.IOException {
			if (writer != null) {
				return writer;
			}
			Writer inner = response.getWriter(); // in the encoding set by then, as a servlet container's
			writer = new PrintWriter(new Writer() {
				@Override
				public void write(char[] cbuf, int off, int len) throws java.io.IOException {
					writes.incrementAndGet();
					inner.write(cbuf, off, len);
				}

				@Override
				public void flush() throws java.io.IOException {
					inner.flush();
				}

				@Override
				public void close() throws java.io.IOException {
					inner.close();
				}
			});
			return writer;
		}
	}

	private record Rendered(String body, String contentType, int writes) {
	}

	private Rendered render(JteView view, Map<String, Object> model) throws Exception {
		view.setUrl("page.jte");
		view.setExposeSpringMacroHelpers(false);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Counted counted = new Counted(response);
		view.render(model, new MockHttpServletRequest(), counted);
		counted.getWriter().flush();
		return new Rendered(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), response.getContentType(),
				counted.writes.get());
	}

	@Test
	void aPageRenderedIntoMemoryIsTheSamePageInOneWrite() throws Exception {
		Files.writeString(templates.resolve("page.jte"), """
				@param String title
				@param java.util.List<String> items
				<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body>
				<h1 class="t">${title}</h1><ul>
				@for(var i : items)<li data-x="${i}">${i}</li>@endfor
				</ul>$unsafe{"<p>原样</p>"}</body></html>
				""");
		TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templates), templates.resolve("classes"),
				ContentType.Html);
		List<String> items = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			items.add("联盟 <" + i + "> & \"協同\" 🚀");
		}
		Map<String, Object> model = Map.of("title", "聯盟協同發展網 <&>", "items", items);
		Rendered stock = render(new JteView(engine), model);
		Rendered whole = render(new WholePageViews.WholePageView(engine), model);
		assertThat(whole.body()).isEqualTo(stock.body()).contains("&lt;199&gt;", "<p>原样</p>", "🚀");
		assertThat(whole.contentType()).isEqualTo(stock.contentType());
		assertThat(stock.writes()).as("jte's own view").isGreaterThan(400);
		assertThat(whole.writes()).isEqualTo(1);
	}
}
