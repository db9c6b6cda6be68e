package org.alliancehub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.CollectionFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The interface texts (messages*.properties), as Spring Boot would configure them from {@code spring.messages.*},
 * but formatting a message with arguments on a {@link MessageFormat} of its own. Spring keeps one MessageFormat per
 * message and language and formats under a lock on it, so the threads rendering pages queued one behind another on
 * the texts every page shows (a profile of fresh pages at 50 connections: 42 s blocked in 15 s of load). The copy is
 * made from Spring's parsed and cached pattern, so the output is the same (MessagesTests compares every message).
 */
final class Messages extends ResourceBundleMessageSource {

	@Override
	protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
		MessageFormat shared = super.resolveCode(code, locale);
		return shared == null ? null : (MessageFormat) shared.clone();
	}

	/** The MessageFormat Spring caches and shares between threads (for the test that proves it is not locked). */
	@Nullable MessageFormat shared(String code, Locale locale) {
		return super.resolveCode(code, locale);
	}

	/** In place of Spring Boot's MessageSourceAutoConfiguration, which steps back when a messageSource bean exists. */
	@Configuration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		@ConfigurationProperties("spring.messages")
		MessageSourceProperties messageSourceProperties() {
			return new MessageSourceProperties();
		}

		@Bean
		MessageSource messageSource(MessageSourceProperties properties) {
			return configured(properties);
		}
	}

	static Messages configured(MessageSourceProperties properties) {
		Messages messages = new Messages();
		if (properties.getBasename() != null && !properties.getBasename().isEmpty()) {
			messages.setBasenames(properties.getBasename().toArray(String[]::new));
		}
		if (properties.getEncoding() != null) {
			messages.setDefaultEncoding(properties.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
		if (properties.getCacheDuration() != null) {
			messages.setCacheMillis(properties.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
		if (properties.getCommonMessages() != null && !properties.getCommonMessages().isEmpty()) {
			Properties common = CollectionFactory.createSortedProperties(false);
			for (Resource resource : properties.getCommonMessages()) {
				try {
					PropertiesLoaderUtils.fillProperties(common, resource);
				}
				catch (IOException e) {
					throw new UncheckedIOException("Failed to load common messages from '%s'".formatted(resource), e);
				}
			}
			messages.setCommonMessages(common);
		}
		return messages;
	}
}
