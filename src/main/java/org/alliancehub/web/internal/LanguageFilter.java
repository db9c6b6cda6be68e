package org.alliancehub.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.Traditional;
import org.alliancehub.web.Language;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Turns public pages into Traditional characters when the request's language is 繁體 (the choice itself is
 * Spring's: {@code LocaleChangeInterceptor} and the cookie resolver in {@link WebConfiguration}): interface and content alike, phrase by phrase
 * (OpenCC data), so that 简体 articles read naturally in 繁體. The back office is left alone, so that what
 * a secretariat edits is what it typed.
 */
public class LanguageFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (Language.of(request) != Language.ZH_TW || !converts(request)) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String type = wrapper.getContentType();
		if (type != null && type.startsWith("text/html") && wrapper.getStatus() < 300) {
			String html = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
			byte[] converted = toTraditional(html).getBytes(StandardCharsets.UTF_8);
			wrapper.resetBuffer();
			response.setContentLength(converted.length);
			response.getOutputStream().write(converted);
			response.flushBuffer();
		}
		else {
			wrapper.copyBodyToResponse();
		}
	}

	/**
	 * The texts between the page's tags converted before (interface texts, article paragraphs, names): converting
	 * the whole page phrase by phrase on every request was a quarter of the time of a rendered 繁體 page. Bounded by
	 * the characters it holds.
	 */
	private static final Cache<String, String> CONVERTED = Caffeine.newBuilder()
		.maximumWeight(4_000_000)
		.weigher((String k, String v) -> k.length() + v.length())
		.build();

	/**
	 * The page in Traditional characters: each stretch of text between {@code <} and {@code >} that holds a Chinese
	 * character is converted on its own (once, then remembered). No OpenCC phrase holds {@code <} or {@code >}, so
	 * this gives what converting the whole page at once gives.
	 */
	static String toTraditional(String html) {
		StringBuilder out = null;
		int start = 0;
		int n = html.length();
		for (int i = 0; i <= n; i++) {
			if (i == n || html.charAt(i) == '<' || html.charAt(i) == '>') {
				if (hasChinese(html, start, i)) {
					if (out == null) {
						out = new StringBuilder(n + 64).append(html, 0, start);
					}
					out.append(CONVERTED.get(html.substring(start, i), Traditional::of));
				}
				else if (out != null) {
					out.append(html, start, i);
				}
				if (out != null && i < n) {
					out.append(html.charAt(i));
				}
				start = i + 1;
			}
		}
		return out == null ? html : out.toString();
	}

	private static boolean hasChinese(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (s.charAt(i) >= '\u2E80') {
				return true;
			}
		}
		return false;
	}

	private static boolean converts(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/admin") || path.startsWith("/api/") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/files/"));
	}
}
