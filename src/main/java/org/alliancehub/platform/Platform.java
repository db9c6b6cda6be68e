package org.alliancehub.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Facts about how this installation runs that other modules ask about. */
@Component
public class Platform {

	private final AllianceHubProperties properties;

	private final boolean embedded;

	Platform(AllianceHubProperties properties, Environment environment) {
		this.properties = properties;
		// decided when the context starts (also in a jar built with Spring AOT), as EmbeddedDatabase decides
		this.embedded = EmbeddedDatabase.wanted(environment);
	}

	/** Whether the database is the embedded one the platform started itself. */
	public boolean embeddedDatabase() {
		return embedded;
	}

	/** Demo content goes into an empty embedded database unless switched off, and into an external one only when asked. */
	public boolean demoWanted() {
		Boolean demo = properties.demo();
		return demo != null ? demo : embedded;
	}

	/**
	 * Background work: module listeners run after their transaction commits, housekeeping runs on a schedule.
	 * Caches are Caffeine behind Spring's cache abstraction (spring.cache.* in application.properties).
	 */
	@Configuration(proxyBeanMethods = false)
	@org.springframework.scheduling.annotation.EnableAsync
	@org.springframework.scheduling.annotation.EnableScheduling
	static class Clocks {

		@Bean
		Clock clock() {
			return Clock.systemDefaultZone();
		}

		/**
		 * The caches the modules ask for by name ({@code spring.cache.cache-names}), Caffeine's with
		 * {@code spring.cache.caffeine.spec}, as Spring Boot's cache configuration makes them. Made here rather than
		 * through {@code @EnableCaching}, which Spring Boot's configuration waits for: no module caches through
		 * annotations, and the annotations' advisor asked every method of every bean at start-up whether it caches (a
		 * twentieth of the main thread's start, the largest of the advisors, in stop 29's profile of a first start).
		 * Cache metrics are bound to it as to Spring Boot's.
		 */
		@Bean
		org.springframework.cache.caffeine.CaffeineCacheManager cacheManager(Environment environment) {
			var properties = org.springframework.boot.context.properties.bind.Binder.get(environment)
				.bindOrCreate("spring.cache", org.springframework.boot.cache.autoconfigure.CacheProperties.class);
			var caches = new org.springframework.cache.caffeine.CaffeineCacheManager();
			String spec = properties.getCaffeine().getSpec();
			if (spec != null && !spec.isBlank()) {
				caches.setCacheSpecification(spec);
			}
			caches.setCacheNames(properties.getCacheNames());
			return caches;
		}
	}
}
