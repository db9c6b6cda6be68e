package org.alliancehub.web.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.web.BackOffice;
import org.alliancehub.web.Language;
import org.alliancehub.web.PageContexts;
import org.alliancehub.web.Sites;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final PageCache pageCache;

	private final SiteFrame siteFrame;

	WebConfiguration(AllianceHubProperties properties, Sites sites, BackOffice backOffice, PageContexts contexts) {
		this.pageCache = new PageCache(properties.pageCache());
		this.siteFrame = new SiteFrame(sites, backOffice, contexts);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(siteFrame);
	}

	/**
	 * No observation (timer, context, scope) around each of Spring Security's filters: with the actuator present
	 * they wrapped every filter of every request, a fifth of the time of a rendered page in a profile. The request
	 * as a whole is still measured ({@code http.server.requests}).
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	/** Spring MVC's handler lookup, passing over at once the mappings a path cannot match (see the class). */
	@Bean
	org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations prefixedHandlerMapping() {
		return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
			@Override
			public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixedHandlerMapping();
			}
		};
	}

	@Bean
	PageCache.Invalidation pageCacheInvalidation(Sites sites, org.alliancehub.platform.DatabaseNotifications notifications,
			org.springframework.beans.factory.ObjectProvider<org.alliancehub.web.PublicChanges> modules) {
		return new PageCache.Invalidation(pageCache, sites, notifications, modules.orderedStream().toList());
	}

	/**
	 * The platform's own servlet filters in two registrations instead of four, each group where its filters stood in
	 * the container's order (Tomcat looks up every registration under one lock on every request, see
	 * {@link FilterGroup}). First, before anything writes to the response and before the session's filter wraps it:
	 * the response buffer, then the page cache.
	 */
	@Bean
	FilterRegistrationBean<FilterGroup> outerFilters() {
		java.util.Map<String, jakarta.servlet.Filter> filters = new java.util.LinkedHashMap<>();
		filters.put("responseBuffer", new ResponseBuffer());
		filters.put("pageCache", pageCache);
		return group(filters, Ordered.HIGHEST_PRECEDENCE + 5);
	}

	/**
	 * After the session's filter, before Spring Security's: Spring's form content filter (turned off on its own in
	 * {@code application.properties}, {@code spring.mvc.formcontent.filter.enabled=false}, to run here, where it
	 * stood: its order -9900 came right before the language filter's), the language filter, then the input guard.
	 */
	@Bean
	FilterRegistrationBean<FilterGroup> innerFilters(JsonLimits limits, ObjectMapper json) {
		java.util.Map<String, jakarta.servlet.Filter> filters = new java.util.LinkedHashMap<>();
		filters.put("formContentFilter", new org.springframework.web.filter.FormContentFilter());
		filters.put("languageFilter", new LanguageFilter());
		filters.put("inputGuard", new InputGuard(limits.maxBodySize().toBytes(), json));
		return group(filters, -110);
	}

	/** Every dispatch type, as Spring Boot registers a {@code OncePerRequestFilter}; each filter skips what it skipped. */
	private static FilterRegistrationBean<FilterGroup> group(java.util.Map<String, jakarta.servlet.Filter> filters, int order) {
		FilterRegistrationBean<FilterGroup> r = new FilterRegistrationBean<>(new FilterGroup(filters));
		r.setOrder(order);
		r.setDispatcherTypes(java.util.EnumSet.allOf(jakarta.servlet.DispatcherType.class));
		return r;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageChoice();
	}

	/** {@code ?lang=zh-TW} and the like; {@link LanguageChoice} remembers only the languages the site speaks. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(Language.PARAM);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
		registry.addInterceptor(siteFrame);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**", "/js/**", "/img/**")
			.addResourceLocations("classpath:/static/css/", "classpath:/static/js/", "classpath:/static/img/")
			.setCacheControl(CacheControl.maxAge(1, TimeUnit.HOURS));
	}
}
