package org.alliancehub.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.web.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages to anonymous visitors from memory. A page is stored the first time it is rendered,
 * with the headers it was sent with (security headers included), and everything is dropped as soon as
 * any change commits: visitors never see stale content, and the common case costs no SQL and no
 * template rendering. Signed-in users (a session cookie or a bearer token) always get a fresh page.
 *
 * <p>Anyone can ask for any URL, so the cache must not grow with what is asked: it is bounded by the bytes
 * it holds (Caffeine evicts the least useful pages beyond {@link #MAX_BYTES}); a page is stored under its
 * path, its language and only the query parameters public pages read ({@link #PARAMETERS}), so
 * {@code ?r=1}, {@code ?r=2} … are one entry; and when many visitors ask for the same missing page at once,
 * one of them renders it and the others wait for that copy instead of rendering it again.
 */
public class PageCache extends OncePerRequestFilter {

	/**
	 * Drops the pages a change affects once it has committed, on this node at once and on every other node through
	 * PostgreSQL {@code NOTIFY} (within a second): a change in an alliance drops that alliance's pages
	 * ({@code /a/<slug>/…}), the network's and the pages outside any alliance (the home page, pages addressed by an
	 * object's id), and leaves the other alliances' pages cached; a change of the network, or of no alliance (a new
	 * user), drops everything.
	 */
	public static class Invalidation {

		/** The channel; a payload is {@code <node> *} or {@code <node> <scope>,<scope>…}. */
		static final String CHANNEL = "page_cache";

		private final PageCache cache;

		private final org.alliancehub.web.@Nullable Sites sites;

		private final org.alliancehub.platform.@Nullable DatabaseNotifications notifications;

		public Invalidation(PageCache cache) {
			this(cache, null, null);
		}

		public Invalidation(PageCache cache, org.alliancehub.web.@Nullable Sites sites,
				org.alliancehub.platform.@Nullable DatabaseNotifications notifications) {
			this.cache = cache;
			this.sites = sites;
			this.notifications = notifications;
			if (notifications != null) {
				notifications.listen(CHANNEL, this::received);
			}
		}

		@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
		public void on(DomainEvent event) {
			Set<String> scopes = scopes(event.allianceId());
			if (scopes == null) {
				cache.invalidate();
			}
			else {
				cache.invalidate(scopes);
			}
			if (notifications != null) {
				try {
					notifications.announce(CHANNEL,
							notifications.node() + " " + (scopes == null ? ANYTHING : String.join(",", scopes)));
				}
				catch (RuntimeException e) {
					// the change has committed; other nodes' copies go when their connection to the database comes back
					org.slf4j.LoggerFactory.getLogger(PageCache.class).warn("Could not tell other nodes of a change", e);
				}
			}
		}

		/** The scopes a change in this alliance affects; null for everything. */
		@Nullable Set<String> scopes(@Nullable Long allianceId) {
			if (allianceId == null || sites == null) {
				return null;
			}
			try {
				org.alliancehub.web.Site site = sites.site(allianceId);
				org.alliancehub.web.Site network = sites.network();
				if (site.isNetwork() || network == null) {
					return null;
				}
				return Set.of(site.slug(), network.slug(), GLOBAL);
			}
			catch (RuntimeException e) {
				return null; // an alliance that is gone
			}
		}

		/** A notification from a node (this one's own are already done). */
		void received(String payload) {
			if (ANYTHING.equals(payload)) {
				// the connection was (re)opened: announcements may have been missed
				cache.invalidate();
				return;
			}
			int space = payload.indexOf(' ');
			if (space < 0 || notifications == null || payload.substring(0, space).equals(notifications.node())) {
				return;
			}
			String what = payload.substring(space + 1);
			if (ANYTHING.equals(what)) {
				cache.invalidate();
			}
			else {
				cache.invalidate(Set.copyOf(java.util.Arrays.asList(what.split(",", -1))));
			}
		}

		public void invalidateAll() {
			cache.invalidate();
		}
	}

	static final String ANYTHING = "*";

	/** The scope of the pages outside any alliance's {@code /a/<slug>/}. */
	static final String GLOBAL = "";

	/**
	 * The query parameters that public pages read (section paging, tags, statistics grouping, register filters, the
	 * versions a standard's draft difference compares, the thanks after a public comment); others are ignored.
	 */
	static final Set<String> PARAMETERS = Set.of("page", "tag", "groupBy", "status", "field", "kind", "q", "stage", "v",
			"against", "commented");

	static final long MAX_BYTES = 64L * 1024 * 1024;

	private static final long MAX_BODY = 512 * 1024;

	/** How long a visitor waits for another's rendering of the same page before rendering it itself. */
	private static final long WAIT_SECONDS = 30;

	private final AsyncCache<String, Entry> entries = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((String key, Entry e) -> e.weight(key))
		.buildAsync();

	/** Ticks at every invalidation; a page is stored with the tick seen before it was rendered. */
	private final AtomicLong clock = new AtomicLong();

	/** The tick at which everything was last dropped. */
	private volatile long allDroppedAt;

	/** The tick at which each scope (an alliance's slug, or {@link #GLOBAL}) was last dropped. */
	private final java.util.concurrent.ConcurrentHashMap<String, Long> droppedAt = new java.util.concurrent.ConcurrentHashMap<>();

	private final AtomicLong renders = new AtomicLong();

	private final boolean enabled;

	public PageCache(boolean enabled) {
		this.enabled = enabled;
	}

	record Entry(long generation, String scope, int status, String contentType, List<String[]> headers, byte[] body) {

		int weight(String key) {
			int w = 2 * key.length() + body.length + 200;
			for (String[] h : headers) {
				w += 2 * (h[0].length() + h[1].length()) + 40;
			}
			return w;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enabled || !cacheable(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		long current = clock.get();
		CompletableFuture<Entry> mine = new CompletableFuture<>();
		CompletableFuture<Entry> theirs = entries.asMap().putIfAbsent(key, mine);
		if (theirs != null) {
			Entry hit = await(theirs);
			if (hit != null && fresh(hit)) {
				write(hit, response);
				return;
			}
			// A stale copy (a change committed since) or a rendering that could not be kept: take it over.
			if (!entries.asMap().replace(key, theirs, mine)) {
				chain.doFilter(request, response);
				return;
			}
		}
		Entry rendered = null;
		try {
			rendered = render(request, response, chain, current);
		}
		finally {
			mine.complete(rendered);
		}
	}

	/** Renders the page for this visitor and answers the copy to keep, if it may be kept. */
	private @Nullable Entry render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			long before) throws ServletException, IOException {
		renders.incrementAndGet();
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		Entry entry = null;
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
			// Stored under the generation seen before rendering: a change that committed meanwhile voids it.
			entry = new Entry(before, scope(key(request)), 200, type, headers, wrapper.getContentAsByteArray());
		}
		wrapper.copyBodyToResponse();
		return entry;
	}

	private static @Nullable Entry await(CompletableFuture<Entry> future) {
		try {
			return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException e) {
			return null;
		}
	}

	private static void write(Entry hit, HttpServletResponse response) throws IOException {
		response.setStatus(hit.status);
		response.setContentType(hit.contentType);
		for (String[] h : hit.headers) {
			response.addHeader(h[0], h[1]);
		}
		response.setContentLength(hit.body.length);
		response.getOutputStream().write(hit.body);
	}

	/** Whether no change that affects the page has committed since it began to be rendered. */
	private boolean fresh(Entry e) {
		return e.generation >= allDroppedAt && e.generation >= droppedAt.getOrDefault(e.scope, 0L);
	}

	/** Drops every page. */
	public void invalidate() {
		long t = clock.incrementAndGet();
		allDroppedAt = t;
		entries.synchronous().invalidateAll();
	}

	/** Drops the pages of these scopes (alliances' slugs, {@link #GLOBAL} for the pages outside any alliance). */
	public void invalidate(Set<String> scopes) {
		long t = clock.incrementAndGet();
		for (String s : scopes) {
			droppedAt.merge(s, t, Math::max);
		}
		entries.asMap().keySet().removeIf(key -> scopes.contains(scope(key)));
	}

	/** The scope of a stored page's key: the alliance's slug of {@code /a/<slug>/…}, {@link #GLOBAL} otherwise. */
	static String scope(String key) {
		int path = key.indexOf(' ') + 1;
		if (!key.startsWith("/a/", path)) {
			return GLOBAL;
		}
		int start = path + 3;
		int end = start;
		while (end < key.length() && key.charAt(end) != '/' && key.charAt(end) != '?') {
			end++;
		}
		return key.substring(start, end);
	}

	/** The keys of the pages held now (for tests). */
	Set<String> keys() {
		return Set.copyOf(entries.asMap().keySet());
	}

	/** Whether a page is held now (for tests). */
	boolean holds(String key) {
		CompletableFuture<Entry> f = entries.getIfPresent(key);
		if (f == null || !f.isDone()) {
			return false;
		}
		Entry e = f.getNow(null);
		return e != null && fresh(e);
	}

	/** Pages held now. */
	long size() {
		entries.synchronous().cleanUp();
		return entries.synchronous().estimatedSize();
	}

	/** Bytes held now, as the weigher counts them. */
	long weight() {
		entries.synchronous().cleanUp();
		return entries.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

	/** Pages rendered to be kept since the start. */
	long renders() {
		return renders.get();
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
		// certificate verification checks the record and its signature, on today's date, at every read
		if (path.startsWith("/certificates")) {
			return false;
		}
		// one-off links carrying a token (a confirmation works once, an unsubscribe page names an address)
		if (path.contains("/subscriptions/confirm/") || path.contains("/unsubscribe/")) {
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

	/** The language, the path, and the parameters a page reads in a fixed order; nothing else a visitor adds. */
	static String key(HttpServletRequest request) {
		StringBuilder key = new StringBuilder(Language.of(request).tag()).append(' ').append(request.getRequestURI());
		char sep = '?';
		for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
			if (PARAMETERS.contains(name)) {
				for (String value : request.getParameterValues(name)) {
					key.append(sep).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
					sep = '&';
				}
			}
		}
		return key.toString();
	}

	private static boolean setsSession(Collection<String> cookies) {
		return cookies.stream().anyMatch(c -> !c.startsWith(Language.COOKIE + "="));
	}
}
