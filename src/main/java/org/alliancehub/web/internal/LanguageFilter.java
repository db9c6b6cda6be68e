package org.alliancehub.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
			byte[] converted = ZhConverterUtil.toTraditional(html).getBytes(StandardCharsets.UTF_8);
			wrapper.resetBuffer();
			response.setContentLength(converted.length);
			response.getOutputStream().write(converted);
			response.flushBuffer();
		}
		else {
			wrapper.copyBodyToResponse();
		}
	}


	private static boolean converts(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/admin") || path.startsWith("/api/") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/files/"));
	}
}
