package org.alliancehub.web.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixedHandlerMappingTests {

	private static final List<String> PATTERNS = List.of("/", "/a/{slug}", "/a/{slug}/articles/{id}", "/api/v1/search",
			"/api/v1/alliances/{id}/", "/css/**", "/f/{*path}", "/files/{name:.+}", "/x/*.html", "/x/a?c", "/{slug}",
			"/**", "/api/v1/motions/{id}/votes", "/s/{a}-{b}", "/error", "/a/{slug}/**");

	private static final List<String> PATHS = List.of("/", "", "/a", "/a/", "/a/lmxfw", "/a/lmxfw/", "/a/lmxfw/articles/3",
			"/api/v1/search", "/api/v1/search/", "/api/v1/alliances/7/", "/api/v1/alliances/7", "/css", "/css/",
			"/css/site.css", "/f", "/f/", "/f/a/b", "/files/x.pdf", "/x/p.html", "/x/abc", "/x/aXc", "/about", "/error",
			"/api/v1/motions/9/votes", "/s/1-2", "/a/x/y/z", "/A/lmxfw", "/a//x", "/api");

	@Test
	void everyPathAPatternMatchesStartsWithThePatternsLiteralBeginning() {
		PathPatternParser parser = new PathPatternParser();
		int matched = 0;
		for (String p : PATTERNS) {
			PathPattern pattern = parser.parse(p);
			String prefix = PrefixedHandlerMapping.prefix(p);
			for (String path : PATHS) {
				if (pattern.matches(PathContainer.parsePath(path))) {
					matched++;
					assertThat(path).as(p + " matches " + path + ", so its beginning " + prefix + " must be there")
						.startsWith(prefix);
				}
			}
		}
		assertThat(matched).isGreaterThan(30);
	}

	@Test
	void theLiteralBeginningStopsAtTheSegmentOfTheFirstVariableOrWildcard() {
		assertThat(PrefixedHandlerMapping.prefix("/a/{slug}/articles/{id}")).isEqualTo("/a/");
		assertThat(PrefixedHandlerMapping.prefix("/api/v1/search")).isEqualTo("/api/v1/search");
		assertThat(PrefixedHandlerMapping.firstSegment("/api/v1/alliances/")).isEqualTo("api");
		assertThat(PrefixedHandlerMapping.firstSegment("/css")).isEqualTo("css");
		assertThat(PrefixedHandlerMapping.firstSegment("/")).isNull();
		assertThat(PrefixedHandlerMapping.prefix("/css/**")).isEqualTo("/css");
		assertThat(PrefixedHandlerMapping.prefix("/f/{*path}")).isEqualTo("/f");
		assertThat(PrefixedHandlerMapping.prefix("/x/a?c")).isEqualTo("/x/");
		assertThat(PrefixedHandlerMapping.prefix("/{slug}")).isEqualTo("/");
		assertThat(PrefixedHandlerMapping.prefix("/**")).isEmpty();
		assertThat(PrefixedHandlerMapping.prefix("")).isEmpty();
	}
}
