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

	/**
	 * A response whose writer and output stream count the calls that reach them, as the security and session wrappers
	 * see them.
	 */
	private static final class Counted extends HttpServletResponseWrapper {

		final AtomicInteger writes = new AtomicInteger();

		private final MockHttpServletResponse response;

		private PrintWriter writer;

		private jakarta.servlet.ServletOutputStream stream;

		/** Whether the page went out as bytes through the output stream rather than as characters. */
		boolean bytes;

		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() throws java.io.IOException {
			if (stream != null) {
				return stream;
			}
			jakarta.servlet.ServletOutputStream inner = response.getOutputStream();
			stream = new jakarta.servlet.ServletOutputStream() {
				@Override
				public void write(int b) throws java.io.IOException {
					writes.incrementAndGet();
					bytes = true;
					inner.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) throws java.io.IOException {
					writes.incrementAndGet();
					bytes = true;
					inner.write(b, off, len);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(jakarta.servlet.WriteListener listener) {
				}
			};
			return stream;
		}

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

	private record Rendered(String body, String contentType, int writes, boolean bytes) {
	}

	private Rendered render(JteView view, Map<String, Object> model) throws Exception {
		view.setUrl("page.jte");
		view.setExposeSpringMacroHelpers(false);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Counted counted = new Counted(response);
		view.render(model, new MockHttpServletRequest(), counted);
		if (!counted.bytes) {
			counted.getWriter().flush();
		}
		return new Rendered(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), response.getContentType(),
				counted.writes.get(), counted.bytes);
	}

	private static final String PAGE = """
				@param String title
				@param java.util.List<String> items
				<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body>
				<h1 class="t">${title}</h1><ul>
				@for(var i : items)<li data-x="${i}">${i}</li>@endfor
				</ul>$unsafe{"<p>原样</p>"}</body></html>
				""";

	private TemplateEngine engine(String classes, boolean binaryStaticContent) throws Exception {
		Files.writeString(templates.resolve("page.jte"), PAGE);
		TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templates), templates.resolve(classes),
				ContentType.Html);
		engine.setBinaryStaticContent(binaryStaticContent);
		return engine;
	}

	private static Map<String, Object> model() {
		List<String> items = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			items.add("联盟 <" + i + "> & \"協同\" 🚀");
		}
		return Map.of("title", "聯盟協同發展網 <&>", "items", items);
	}

	@Test
	void aPageRenderedIntoMemoryIsTheSamePageInOneWrite() throws Exception {
		TemplateEngine engine = engine("classes", false);
		Rendered stock = render(new JteView(engine), model());
		Rendered whole = render(new WholePageViews.WholePageView(engine), model());
		assertThat(whole.body()).isEqualTo(stock.body()).contains("&lt;199&gt;", "<p>原样</p>", "🚀");
		assertThat(whole.contentType()).isEqualTo(stock.contentType());
		assertThat(stock.writes()).as("jte's own view").isGreaterThan(400);
		assertThat(whole.writes()).isEqualTo(1);
	}

	@Test
	void templatesWithTheirStaticPartsInUtf8GiveTheSamePageWrittenAsBytesInOneWrite() throws Exception {
		Rendered stock = render(new JteView(engine("classes", false)), model());
		Rendered whole = render(new WholePageViews.WholePageView(engine("binary", true)), model());
		assertThat(whole.body()).isEqualTo(stock.body()).contains("&lt;199&gt;", "<p>原样</p>", "🚀", "聯盟協同發展網 &lt;&amp;&gt;");
		assertThat(whole.contentType()).isEqualTo(stock.contentType());
		assertThat(whole.bytes()).as("written as bytes, not encoded again by the response's writer").isTrue();
		assertThat(whole.writes()).isEqualTo(1);
	}

	@Test
	void theApplicationsPrecompiledTemplatesHaveTheirStaticPartsInUtf8() throws Exception {
		// jte-maven-plugin's binaryStaticContent: each template class holds its static parts as bytes, in a .bin beside it
		Class<?> layout = Class.forName("gg.jte.generated.precompiled.identity.JteloginGenerated");
		assertThat(layout.getResource("JteloginGenerated.bin")).isNotNull();
		assertThat(java.util.Arrays.stream(layout.getDeclaredFields()).map(java.lang.reflect.Field::getName))
			.anyMatch(name -> name.startsWith("TEXT_PART_BINARY_"));
	}
}
