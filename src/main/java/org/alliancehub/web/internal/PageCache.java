package org.alliancehub.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.web.Language;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages to anonymous visitors from memory. A page is stored the first time it is rendered,
 * with the headers it was sent with (security headers included), and everything is dropped as soon as
 * any change commits: visitors never see stale content, and the common case costs no SQL and no
 * template rendering. Signed-in users (a session cookie or a bearer token) always get a fresh page.
 */
public class PageCache extends OncePerRequestFilter {

	/** Drops every stored page once a change has committed. */
	public static class Invalidation {

		private final PageCache cache;

		public Invalidation(PageCache cache) {
			this.cache = cache;
		}

		@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
		public void on(DomainEvent event) {
			cache.invalidate();
		}

		public void invalidateAll() {
			cache.invalidate();
		}
	}

	private static final int MAX_ENTRIES = 5_000;

	private static final long MAX_BODY = 512 * 1024;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final boolean enabled;

	public PageCache(boolean enabled) {
		this.enabled = enabled;
	}

	record Entry(long generation, int status, String contentType, List<String[]> headers, byte[] body) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enabled || !cacheable(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		Entry hit = entries.get(key);
		if (hit != null && hit.generation == generation.get()) {
			response.setStatus(hit.status);
			response.setContentType(hit.contentType);
			for (String[] h : hit.headers) {
				response.addHeader(h[0], h[1]);
			}
			response.setContentLength(hit.body.length);
			response.getOutputStream().write(hit.body);
			return;
		}
		long before = generation.get();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		String type = wrapper.getContentType();
		if (wrapper.getStatus() == 200 && type != null && type.startsWith("text/html")
				&& wrapper.getContentSize() <= MAX_BODY && !setsSession(wrapper.getHeaders("Set-Cookie"))) {
			List<String[]> headers = new ArrayList<>();
			for (String name : wrapper.getHeaderNames()) {
				if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
					for (String value : wrapper.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			// Stored under the generation seen before rendering: a change that committed meanwhile voids it.
			entries.put(key, new Entry(before, 200, type, headers, wrapper.getContentAsByteArray()));
		}
		wrapper.copyBodyToResponse();
	}

	public void invalidate() {
		generation.incrementAndGet();
		entries.clear();
	}

	private static boolean cacheable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null) {
			return false;
		}
		String path = request.getRequestURI();
		if (path.startsWith("/admin") || path.startsWith("/api/") || path.startsWith("/login") || path.startsWith("/search")
				|| path.startsWith("/actuator") || path.startsWith("/files/")) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (!Language.COOKIE.equals(c.getName())) {
					return false;
				}
			}
		}
		return true;
	}

	private static String key(HttpServletRequest request) {
		String q = request.getQueryString();
		return Language.of(request).tag() + ' ' + request.getRequestURI() + (q == null ? "" : "?" + q);
	}

	private static boolean setsSession(Collection<String> cookies) {
		return cookies.stream().anyMatch(c -> !c.startsWith(Language.COOKIE + "="));
	}
}
