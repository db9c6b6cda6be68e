package org.alliancehub.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's handler lookup ({@link PrefixedHandlerMapping}) chooses what Spring's own lookup chooses, for
 * every mapped route instantiated with sample values and variations of it (404, 405, 415, encoded characters,
 * trailing slashes, other case), while it asks far fewer mappings for their conditions.
 */
class HandlerLookupIntegrationTests extends IntegrationTest {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ApplicationContext context;

	private RequestMappingHandlerMapping stock() {
		RequestMappingHandlerMapping stock = new RequestMappingHandlerMapping();
		stock.setPatternParser(mapping.getPatternParser());
		stock.setContentNegotiationManager(mapping.getContentNegotiationManager());
		stock.setEmbeddedValueResolver(new org.springframework.beans.factory.config.EmbeddedValueResolver(
				((org.springframework.context.ConfigurableApplicationContext) context).getBeanFactory()));
		stock.setApplicationContext(context);
		stock.afterPropertiesSet();
		return stock;
	}

	@Test
	void everyRouteResolvesToTheHandlerSpringsOwnLookupChooses() {
		assertThat(mapping).isInstanceOf(PrefixedHandlerMapping.class);
		RequestMappingHandlerMapping stock = stock();
		assertThat(stock.getHandlerMethods().keySet()).hasSameSizeAs(mapping.getHandlerMethods().keySet());
		Set<String> paths = new LinkedHashSet<>(List.of("/", "/nowhere", "/a", "/a/", "/api", "/api/v1", "/api/v1/",
				"/api/v1/nowhere/1", "/%61/lmxfw", "/a//lmxfw", "/favicon.ico"));
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				String path = sample(pattern);
				paths.add(path);
				paths.add(path + "/");
				paths.add(path + "/1");
				if (path.length() > 1) {
					paths.add("/%" + Integer.toHexString(path.charAt(1)).toUpperCase(java.util.Locale.ROOT) + path.substring(2));
				}
				paths.add(PrefixedHandlerMapping.prefix(pattern));
			}
		}
		int found = 0;
		int notFound = 0;
		int notAllowed = 0;
		List<String> differences = new ArrayList<>();
		for (String path : paths) {
			for (String method : METHODS) {
				for (boolean json : new boolean[] { false, true }) {
					if ((method.equals("HEAD") || method.equals("OPTIONS")) && (json || path.endsWith("/1"))) {
						continue;
					}
					String ours = outcome(mapping, request(method, path, json));
					String theirs = outcome(stock, request(method, path, json));
					if (!ours.equals(theirs)) {
						differences.add(method + " " + path + (json ? " (JSON)" : "") + ": " + ours + " instead of " + theirs);
					}
					if (theirs.startsWith("handler")) {
						found++;
					}
					else if (theirs.equals("none")) {
						notFound++;
					}
					else if (theirs.contains("MethodNotSupported")) {
						notAllowed++;
					}
				}
			}
		}
		assertThat(differences).isEmpty();
		assertThat(found).isGreaterThan(300);
		assertThat(notFound).isGreaterThan(100);
		assertThat(notAllowed).isGreaterThan(100);
	}

	@Test
	void anArticlePageIsResolvedWithoutAskingEveryMappingForItsConditions() throws Exception {
		AtomicInteger asked = new AtomicInteger();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a/lmxfw/articles/1") {
			@Override
			public String getMethod() {
				asked.incrementAndGet();
				return super.getMethod();
			}
		};
		HandlerExecutionChain chain = mapping.getHandler(request);
		assertThat(chain).isNotNull();
		assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isNotEmpty();
		// Spring's own lookup asks the method of each of the application's mappings (hundreds); a handful remain.
		assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(200);
		assertThat(asked.get()).isLessThan(40);
	}

	private static MockHttpServletRequest request(String method, String path, boolean json) {
		MockHttpServletRequest r = new MockHttpServletRequest(method, path);
		if (json) {
			r.addHeader("Accept", "application/json");
			r.setContentType("application/json");
		}
		return r;
	}

	private static String outcome(RequestMappingHandlerMapping m, MockHttpServletRequest request) {
		try {
			HandlerExecutionChain chain = m.getHandler(request);
			if (chain == null) {
				return "none";
			}
			return chain.getHandler() instanceof HandlerMethod h ? "handler " + h.getMethod().toGenericString()
					: "other " + chain.getHandler().getClass().getName();
		}
		catch (Exception e) {
			return e.getClass().getSimpleName();
		}
	}

	/** The pattern with each variable and wildcard given a value (an alliance's slug for a slug). */
	static String sample(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]*\\}", "x/y")
			.replaceAll("\\{slug\\}", "lmxfw")
			.replaceAll("\\{[^}]*\\}", "1")
			.replace("**", "x/y")
			.replace("*", "x")
			.replace("?", "x");
	}
}
