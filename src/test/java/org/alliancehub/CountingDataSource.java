package org.alliancehub;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements that requests send, so that pages keep to their budget; while
 * {@link IntegrationTest#STATEMENT_LOG} is set, also keeps each one's SQL with the request that sent it
 * ({@code GET /admin/ [thread]: sql}), to tell what a page costs and which request a statement came from.
 */
@TestConfiguration(proxyBeanMethods = false)
class CountingDataSource {

	/** The request the current thread serves, set before any other filter (the session's) runs. */
	static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

	@Bean
	static BeanPostProcessor countStatements() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource ds && !name.contains("Proxy")) {
					return ProxyDataSourceBuilder.create(ds)
						.name("counted")
						.afterQuery((exec, queries) -> {
							// Only what a request costs: background work (indexing) runs on other threads. A request's
							// thread is told by the request it serves, not by its name: on JDK 21 and newer requests
							// run on virtual threads (spring.threads.virtual.enabled), which are not named http-nio-*,
							// and a count by name was 0 there, so every budget test passed whatever a page cost.
							String serving = REQUEST.get();
							if (serving != null) {
								IntegrationTest.STATEMENTS.addAndGet(queries.size());
								var log = IntegrationTest.STATEMENT_LOG;
								if (log != null) {
									String request = serving + " [" + Thread.currentThread().getName() + "]: ";
									queries.forEach(q -> log.add(request + q.getQuery().strip().replaceAll("\\s+", " ")));
								}
							}
						})
						.build();
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> nameTheRequest() {
		FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				REQUEST.set(request.getMethod() + " " + request.getRequestURI());
				try {
					chain.doFilter(request, response);
				}
				finally {
					REQUEST.remove();
				}
			}
		});
		r.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return r;
	}
}
