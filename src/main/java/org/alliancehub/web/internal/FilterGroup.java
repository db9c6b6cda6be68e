package org.alliancehub.web.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Several servlet filters run, in the order given, under one registration with the servlet container. Tomcat builds
 * each request's filter chain by looking up every registered filter's configuration under one lock
 * ({@code StandardContext.findFilterConfig}, synchronized), once per filter per request: with 50 requests at once a
 * JFR profile showed the threads queueing there. The filters of a group stood next to each other in the container's
 * order and still do, each under the name it was registered with before (so each
 * {@link org.springframework.web.filter.OncePerRequestFilter} keeps its own "already filtered" mark, and skips error
 * and async dispatches as it did), each seeing the request and response the one before it passed on.
 */
final class FilterGroup implements Filter {

	private final Map<String, Filter> filters;

	private final Filter[] order;

	/** The filters by the names they were registered under, in the order they run. */
	FilterGroup(Map<String, ? extends Filter> filters) {
		this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
		this.order = this.filters.values().toArray(new Filter[0]);
	}

	/** The group's filter of this type (one of each). */
	<T extends Filter> T get(Class<T> type) {
		for (Filter f : order) {
			if (type.isInstance(f)) {
				return type.cast(f);
			}
		}
		throw new IllegalArgumentException("no " + type.getSimpleName() + " in " + filters.keySet());
	}

	List<String> names() {
		return List.copyOf(filters.keySet());
	}

	@Override
	public void init(FilterConfig config) throws ServletException {
		for (Map.Entry<String, Filter> e : filters.entrySet()) {
			e.getValue().init(named(e.getKey(), config));
		}
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		new Step(chain).doFilter(request, response);
	}

	@Override
	public void destroy() {
		for (Filter f : order) {
			f.destroy();
		}
	}

	/** The rest of the group, then the container's chain. */
	private final class Step implements FilterChain {

		private final FilterChain rest;

		private int next;

		Step(FilterChain rest) {
			this.rest = rest;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
			if (next < order.length) {
				order[next++].doFilter(request, response, this);
			}
			else {
				rest.doFilter(request, response);
			}
		}
	}

	private static FilterConfig named(String name, FilterConfig config) {
		return new FilterConfig() {
			@Override
			public String getFilterName() {
				return name;
			}

			@Override
			public ServletContext getServletContext() {
				return config.getServletContext();
			}

			@Override
			public String getInitParameter(String key) {
				return config.getInitParameter(key);
			}

			@Override
			public Enumeration<String> getInitParameterNames() {
				return config.getInitParameterNames();
			}
		};
	}
}
