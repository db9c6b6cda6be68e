package org.alliancehub.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.alliancehub.shared.AfterCommit;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.web.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages to anonymous visitors from memory. A page is stored the first time it is rendered,
 * with the headers it was sent with (security headers included), and the pages a change affects are dropped as
 * soon as it commits ({@link Invalidation}, {@link PageSections}): visitors never see stale content, and the common
 * case costs no SQL and no template rendering. Signed-in users (a session cookie or a bearer token) always get a fresh page.
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
	 * PostgreSQL {@code NOTIFY} (within a second). A change in an alliance concerns that alliance's pages
	 * ({@code /a/<slug>/…}), the network's and the pages outside any alliance (the home page, pages addressed by an
	 * object's id); a change of the network, or of no alliance (a new user), concerns every site. Of the pages
	 * concerned, it drops only those that show a section the change changes ({@link PageSections}): a new article
	 * drops the lists and home pages that show articles and leaves the member list cached; a new user drops nothing.
	 */
	public static class Invalidation {

		/**
		 * The channel; a payload is {@code <node> <scopes> <sections>}, each {@code *} for all or a comma-separated
		 * list (a payload without sections, from an older node, means every section).
		 */
		static final String CHANNEL = "page_cache";

		private final PageCache cache;

		private final org.alliancehub.web.@Nullable Sites sites;

		private final org.alliancehub.platform.@Nullable DatabaseNotifications notifications;

		/** What modules say of their own changes that their action does not tell. */
		private final List<org.alliancehub.web.PublicChanges> modules;

		public Invalidation(PageCache cache) {
			this(cache, null, null);
		}

		public Invalidation(PageCache cache, org.alliancehub.web.@Nullable Sites sites,
				org.alliancehub.platform.@Nullable DatabaseNotifications notifications) {
			this(cache, sites, notifications, List.of());
		}

		public Invalidation(PageCache cache, org.alliancehub.web.@Nullable Sites sites,
				org.alliancehub.platform.@Nullable DatabaseNotifications notifications,
				List<org.alliancehub.web.PublicChanges> modules) {
			this.cache = cache;
			this.sites = sites;
			this.notifications = notifications;
			this.modules = List.copyOf(modules);
			if (notifications != null) {
				notifications.listen(CHANNEL, this::received);
			}
		}

		/**
		 * Acts once the change has committed (at once when there is no transaction), once per commit with every change
		 * the transaction made: an import of hundreds of organisations looks up each alliance it touched once and
		 * drops each scope's sections in one pass over the pages, where each change alone looked up its alliance and
		 * the network again (the alliances' caches are not filled inside a transaction) and went through every page.
		 * Not a {@code @TransactionalEventListener}: Spring Modulith keeps a durable record of every publication to
		 * such a listener, marked in flight and then completed, each in a commit of its own that waits for the disk,
		 * which for this listener alone was some 700 commits while the demo network was filled. Its copies live in
		 * memory and are gone after a crash anyway, so it needs no such record.
		 */
		@EventListener
		public void on(DomainEvent event) {
			AfterCommit.collect(this, event, events -> {
				try {
					changed(events);
				}
				catch (RuntimeException e) {
					// the change has committed: its request must not fail for the cache's sake; this node's pages go
					// whole rather than some of the changes' pages staying
					org.slf4j.LoggerFactory.getLogger(PageCache.class).warn("Could not drop the pages {} affects",
							events.get(0).action(), e);
					cache.invalidate();
				}
			});
		}

		/** How many times changes dropped pages (one pass per scope and commit); for tests. */
		long passes() {
			return passes.get();
		}

		private final AtomicLong passes = new AtomicLong();

		private void changed(List<DomainEvent> events) {
			// the sections to drop, by the scopes they are dropped in (null: every scope), in the order first met
			Map<Optional<Set<String>>, Set<String>> drops = new LinkedHashMap<>();
			Map<Long, Optional<Set<String>>> scopesOf = new HashMap<>();
			for (DomainEvent event : events) {
				Set<String> sections = PageSections.ofAction(event.action());
				if (sections.isEmpty() || showsNowhere(event)) {
					continue; // nothing a visitor sees
				}
				Optional<Set<String>> scopes = event.allianceId() == null ? Optional.empty()
						: scopesOf.computeIfAbsent(event.allianceId(), id -> Optional.ofNullable(scopes(id)));
				Set<String> wide = new HashSet<>(sections);
				wide.retainAll(PageSections.NETWORK_WIDE);
				if (wide.isEmpty() || scopes.isEmpty()) {
					drops.computeIfAbsent(scopes, s -> new LinkedHashSet<>()).addAll(sections);
				}
				else {
					Set<String> local = new LinkedHashSet<>(sections);
					local.removeAll(wide);
					drops.computeIfAbsent(Optional.empty(), s -> new LinkedHashSet<>()).addAll(wide);
					if (!local.isEmpty()) {
						drops.computeIfAbsent(scopes, s -> new LinkedHashSet<>()).addAll(local);
					}
				}
			}
			drops.forEach((scopes, sections) -> drop(scopes.orElse(null), sections));
		}

		/** Whether a module says this change shows on no public page (a module that fails says nothing). */
		private boolean showsNowhere(DomainEvent event) {
			for (org.alliancehub.web.PublicChanges m : modules) {
				try {
					if (!m.shows(event)) {
						return true;
					}
				}
				catch (RuntimeException e) {
					org.slf4j.LoggerFactory.getLogger(PageCache.class).warn("Could not tell whether {} shows", event.action(), e);
				}
			}
			return false;
		}

		private void drop(@Nullable Set<String> scopes, Set<String> sections) {
			passes.incrementAndGet();
			cache.invalidate(scopes, sections);
			if (notifications != null) {
				try {
					// with the other announcements of the moment, in one commit outside the pool: one notifying commit
					// per change, serialized by PostgreSQL, held every writer up behind the one before it (stop 26)
					notifications.announceSoon(CHANNEL, notifications.node() + " " + list(scopes) + " " + list(sections));
				}
				catch (RuntimeException e) {
					// the change has committed; other nodes' copies go when their connection to the database comes back
					org.slf4j.LoggerFactory.getLogger(PageCache.class).warn("Could not tell other nodes of a change", e);
				}
			}
		}

		private static String list(@Nullable Set<String> names) {
			return names == null || names.contains(ANYTHING) ? ANYTHING : String.join(",", names);
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
			String[] parts = payload.split(" ", -1);
			if (parts.length < 2 || notifications == null || parts[0].equals(notifications.node())) {
				return;
			}
			Set<String> scopes = parse(parts[1]);
			Set<String> sections = parts.length > 2 ? parse(parts[2]) : null;
			cache.invalidate(scopes, sections == null ? PageSections.EVERYTHING : sections);
		}

		private static @Nullable Set<String> parse(String list) {
			return ANYTHING.equals(list) ? null : Set.copyOf(java.util.Arrays.asList(list.split(",", -1)));
		}

		public void invalidateAll() {
			cache.invalidate();
		}
	}

	static final String ANYTHING = "*";

	/** In the drop marks: a change of some section of a scope (what a page of an unclassified route depends on). */
	private static final String ANY_SECTION = "?";

	/** The scope of the pages outside any alliance's {@code /a/<slug>/}. */
	static final String GLOBAL = "";

	/**
	 * The query parameters that public pages read (section paging, tags, statistics grouping, register filters, the
	 * versions a standard's draft difference compares, the thanks after a public comment); others are ignored.
	 */
	static final Set<String> PARAMETERS = Set.of("page", "tag", "groupBy", "status", "field", "kind", "q", "stage", "v",
			"against", "commented", "version");

	/**
	 * Parameters that carry a one-off notice after a form was sent ({@code ?error=…} on a standard's page,
	 * {@code ?message=…} on a demand's): such a page is not kept, nor served from what is kept.
	 */
	static final Set<String> NOTICES = Set.of("error", "message", "notice");

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

	/**
	 * The tick at which each section of each scope was last dropped, under {@code <scope>|<section>}: the scope is an
	 * alliance's slug, {@link #GLOBAL} or {@code *} (every scope), the section one of {@link PageSections}, {@code *}
	 * (every section) or {@link #ANY_SECTION}.
	 */
	private final java.util.concurrent.ConcurrentHashMap<String, Long> droppedAt = new java.util.concurrent.ConcurrentHashMap<>();

	private final AtomicLong renders = new AtomicLong();

	private final boolean enabled;

	public PageCache(boolean enabled) {
		this.enabled = enabled;
	}

	record Entry(long generation, String scope, Set<String> sections, int status, String contentType, List<String[]> headers,
			byte[] body) {

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
			entry = new Entry(before, scope(key(request)), PageSections.ofRoute(route(request)), 200, type, headers,
					wrapper.getContentAsByteArray());
		}
		wrapper.copyBodyToResponse();
		return entry;
	}

	/** The pattern of the route that rendered the page ({@code /a/{slug}/news …}). */
	private static @Nullable String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? null : pattern.toString();
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
		long g = e.generation;
		if (g < allDroppedAt) {
			return false;
		}
		for (String scope : new String[] { e.scope, ANYTHING }) {
			if (g < droppedAt(scope, ANYTHING)) {
				return false;
			}
			if (e.sections.contains(ANYTHING)) {
				if (g < droppedAt(scope, ANY_SECTION)) {
					return false;
				}
			}
			else {
				for (String section : e.sections) {
					if (g < droppedAt(scope, section)) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private long droppedAt(String scope, String section) {
		return droppedAt.getOrDefault(scope + '|' + section, 0L);
	}

	/** Drops every page. */
	public void invalidate() {
		long t = clock.incrementAndGet();
		allDroppedAt = t;
		entries.synchronous().invalidateAll();
	}

	/** Drops the pages of these scopes (alliances' slugs, {@link #GLOBAL} for the pages outside any alliance). */
	public void invalidate(Set<String> scopes) {
		invalidate(scopes, PageSections.EVERYTHING);
	}

	/**
	 * Drops the pages of these scopes (every scope when null) that show one of these sections ({@code *} for every
	 * section; a page whose route is not classified shows every section).
	 */
	public void invalidate(@Nullable Set<String> scopes, Set<String> sections) {
		if (sections.isEmpty()) {
			return;
		}
		boolean everySection = sections.contains(ANYTHING);
		if (scopes == null && everySection) {
			invalidate();
			return;
		}
		long t = clock.incrementAndGet();
		for (String scope : scopes == null ? Set.of(ANYTHING) : scopes) {
			for (String section : everySection ? Set.of(ANYTHING) : sections) {
				droppedAt.merge(scope + '|' + section, t, Math::max);
			}
			droppedAt.merge(scope + '|' + ANY_SECTION, t, Math::max);
		}
		entries.asMap().entrySet().removeIf(kept -> {
			if (scopes != null && !scopes.contains(scope(kept.getKey()))) {
				return false;
			}
			if (everySection) {
				return true;
			}
			Entry e = kept.getValue().getNow(null);
			if (e == null) {
				// still rendering, or kept nothing: the rendering is voided by its generation anyway
				return kept.getValue().isDone();
			}
			return e.sections.contains(ANYTHING) || !java.util.Collections.disjoint(e.sections, sections);
		});
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
		for (String notice : NOTICES) {
			if (request.getParameter(notice) != null) {
				return false;
			}
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
