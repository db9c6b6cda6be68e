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
							// Only what a request costs: background work (indexing) runs on other threads.
							if (Thread.currentThread().getName().startsWith("http-nio")) {
								IntegrationTest.STATEMENTS.addAndGet(queries.size());
								var log = IntegrationTest.STATEMENT_LOG;
								if (log != null) {
									String request = REQUEST.get() + " [" + Thread.currentThread().getName() + "]: ";
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
