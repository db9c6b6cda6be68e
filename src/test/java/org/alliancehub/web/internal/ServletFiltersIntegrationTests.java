package org.alliancehub.web.internal;

import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's own servlet filters are registered with the container as two groups, in their former order. */
class ServletFiltersIntegrationTests extends IntegrationTest {

	@Autowired
	ServletContext servletContext;

	@Autowired
	@Qualifier("outerFilters")
	FilterRegistrationBean<FilterGroup> outer;

	@Autowired
	@Qualifier("innerFilters")
	FilterRegistrationBean<FilterGroup> inner;

	@Test
	void thePlatformsFiltersAreTwoRegistrationsInTheirFormerOrder() {
		Map<String, ? extends FilterRegistration> registered = new TreeMap<>(servletContext.getFilterRegistrations());
		assertThat(registered).containsKeys("outerFilters", "innerFilters")
			.doesNotContainKeys("pageCache", "responseBuffer", "languageFilter", "inputGuard", "formContentFilter",
					// Tomcat's WebSocket filter: the platform serves no WebSocket (tomcat-embed-websocket left out)
					"Tomcat WebSocket (JSR356) Filter");
		assertThat(outer.getFilter().names()).containsExactly("responseBuffer", "pageCache");
		assertThat(inner.getFilter().names()).containsExactly("formContentFilter", "languageFilter", "inputGuard");
		// the response buffer and the page cache before Spring Session's filter, the rest after it and before
		// Spring Security's, as when each was registered on its own
		assertThat(outer.getOrder()).isLessThan(org.springframework.session.web.http.SessionRepositoryFilter.DEFAULT_ORDER);
		assertThat(inner.getOrder()).isGreaterThan(-9901).isLessThan(-100);
	}
}
