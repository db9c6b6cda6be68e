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
	@org.springframework.cache.annotation.EnableCaching
	static class Clocks {

		@Bean
		Clock clock() {
			return Clock.systemDefaultZone();
		}
	}
}
