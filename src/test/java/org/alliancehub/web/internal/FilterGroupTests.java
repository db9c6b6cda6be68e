package org.alliancehub.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters run in one registration behave as they did registered one by one. */
class FilterGroupTests {

	/** Notes its name when it runs, and wraps the request so the next one can tell it came through. */
	private static final class Noting extends OncePerRequestFilter {

		final List<String> log;

		Noting(List<String> log) {
			this.log = log;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			log.add(getFilterName() + (request instanceof HttpServletRequestWrapper ? " (wrapped)" : ""));
			chain.doFilter(new HttpServletRequestWrapper(request), response);
		}
	}

	private static FilterGroup group(List<String> log) throws ServletException {
		Map<String, jakarta.servlet.Filter> filters = new LinkedHashMap<>();
		filters.put("first", new Noting(log));
		filters.put("second", new Noting(log));
		filters.put("third", new Noting(log));
		FilterGroup group = new FilterGroup(filters);
		group.init(new MockFilterConfig(new MockServletContext(), "group"));
		return group;
	}

	@Test
	void eachFilterRunsInTurnUnderItsOwnNameAndPassesOnWhatItWrapped() throws Exception {
		List<String> log = new ArrayList<>();
		FilterGroup group = group(log);
		List<Object> reached = new ArrayList<>();
		group.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(),
				(request, response) -> reached.add(request));
		// Filters of one class under one shared name would each think the first had run already, and skip.
		assertThat(log).containsExactly("first", "second (wrapped)", "third (wrapped)");
		assertThat(reached).singleElement().isInstanceOf(HttpServletRequestWrapper.class);
		assertThat(group.names()).containsExactly("first", "second", "third");
	}

	@Test
	void aFilterThatAnswersItselfEndsTheChain() throws Exception {
		Map<String, jakarta.servlet.Filter> filters = new LinkedHashMap<>();
		List<String> log = new ArrayList<>();
		filters.put("answers", (request, response, chain) -> ((HttpServletResponse) response).sendError(400));
		filters.put("after", new Noting(log));
		FilterGroup group = new FilterGroup(filters);
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<Object> reached = new ArrayList<>();
		group.doFilter(new MockHttpServletRequest("GET", "/"), response, (rq, rs) -> reached.add(rq));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(log).isEmpty();
		assertThat(reached).isEmpty();
	}

	@Test
	void eachFilterStillSkipsAnErrorDispatchAsOnItsOwn() throws Exception {
		List<String> log = new ArrayList<>();
		FilterGroup group = group(log);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);
		// the first dispatch marked the request as filtered by each, under each one's name
		for (String name : List.of("first", "second", "third")) {
			request.setAttribute(name + ".FILTERED", Boolean.TRUE);
		}
		List<Object> reached = new ArrayList<>();
		group.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> reached.add(rq));
		assertThat(log).isEmpty();
		assertThat(reached).containsExactly(request);
	}
}
