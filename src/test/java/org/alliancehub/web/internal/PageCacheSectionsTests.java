package org.alliancehub.web.internal;

import java.util.Set;

import jakarta.servlet.FilterChain;
import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** A change drops the cached pages that show a section it changes, and no other. */
class PageCacheSectionsTests {

	final PageCache cache = new PageCache(true);

	/** Renders a page through the cache as the route {@code pattern} would; {@code during} runs while it renders. */
	void render(String path, String pattern, @Nullable Runnable during) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		FilterChain chain = (req, res) -> {
			req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
			if (during != null) {
				during.run();
			}
			res.setContentType("text/html;charset=UTF-8");
			res.getWriter().write("<p>" + path + "</p>");
		};
		cache.doFilter(request, new MockHttpServletResponse(), chain);
	}

	void render(String path, String pattern) throws Exception {
		render(path, pattern, null);
	}

	boolean holds(String path) {
		return cache.keys().stream().filter(k -> k.endsWith(" " + path)).anyMatch(cache::holds);
	}

	record Event(String action, @Nullable Long allianceId) implements DomainEvent {

		public String subject() {
			return "test:1";
		}

		public String summary() {
			return action;
		}
	}

	void fill() throws Exception {
		render("/a/one/news", "/a/{slug}/{section:news|policy|media|technology|market|industry}");
		render("/a/one/members", "/a/{slug}/members");
		render("/a/one/", "/a/{slug}/");
		render("/a/one/unknown", "/a/{slug}/unknown");
		render("/a/two/news", "/a/{slug}/{section:news|policy|media|technology|market|industry}");
		render("/", "/");
		assertThat(cache.keys()).hasSize(6);
	}

	@Test
	void anArticleDropsThePagesThatShowArticlesAndThoseOfRoutesNotClassified() throws Exception {
		fill();
		cache.invalidate(Set.of("one", PageCache.GLOBAL), PageSections.ofAction("article.created"));
		assertThat(holds("/a/one/news")).isFalse();
		assertThat(holds("/a/one/")).as("the home page shows articles").isFalse();
		assertThat(holds("/")).isFalse();
		assertThat(holds("/a/one/unknown")).as("a route not classified shows everything").isFalse();
		assertThat(holds("/a/one/members")).isTrue();
		assertThat(holds("/a/two/news")).as("another alliance").isTrue();
	}

	@Test
	void aChangeOfEverySectionOfNoAllianceDropsEverything() throws Exception {
		fill();
		cache.invalidate(null, PageSections.ofAction("never.heard.of"));
		assertThat(cache.keys()).isEmpty();
	}

	@Test
	void aChangeNobodyOutsideSeesDropsNothing() throws Exception {
		fill();
		PageCache.Invalidation invalidation = new PageCache.Invalidation(cache);
		invalidation.on(new Event("user.created", null));
		invalidation.on(new Event("survey.edited", 1L));
		assertThat(cache.keys()).hasSize(6);
		invalidation.on(new Event("membership.changed", null));
		assertThat(holds("/a/one/members")).isFalse();
		assertThat(holds("/a/two/news")).isTrue();
	}

	@Test
	void aModuleMaySayItsChangeShowsNowhere() throws Exception {
		fill();
		PageCache.Invalidation invalidation = new PageCache.Invalidation(cache, null, null,
				java.util.List.<org.alliancehub.web.PublicChanges>of(e -> !e.action().equals("article.created")));
		invalidation.on(new Event("article.created", null));
		assertThat(cache.keys()).hasSize(6);
		invalidation.on(new Event("article.updated", null));
		assertThat(cache.keys()).hasSize(1);
		assertThat(holds("/a/one/members")).isTrue();
	}

	@Test
	void aPageRenderedWhileAChangeOfItsSectionCommittedIsNotServedAgain() throws Exception {
		render("/a/one/news", "/a/{slug}/{section:news|policy|media|technology|market|industry}",
				() -> cache.invalidate(Set.of("one"), Set.of(PageSections.ARTICLES)));
		render("/a/one/members", "/a/{slug}/members", () -> cache.invalidate(Set.of("one"), Set.of(PageSections.ARTICLES)));
		render("/a/one/unknown", "/a/{slug}/unknown", () -> cache.invalidate(Set.of("one"), Set.of(PageSections.LINKS)));
		assertThat(holds("/a/one/news")).isFalse();
		assertThat(holds("/a/one/unknown")).isFalse();
		assertThat(holds("/a/one/members")).isTrue();
	}
}
