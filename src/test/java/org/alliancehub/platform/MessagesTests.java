package org.alliancehub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-free message source says exactly what Spring's own says, for every message of the three bundles. */
class MessagesTests {

	private static final Locale[] LANGUAGES = { Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH };

	private static final Object[][] ARGUMENTS = { { "甲", "b<i>", "{2}", "'x'", "e", "f" },
			{ 1234567, -3, 0L, 2.5, 1_000_000_000_000L, 7 }, { "only one" }, {} };

	/** Spring Boot's message source configured from the same properties (application.properties). */
	private static MessageSourceProperties properties() {
		MessageSourceProperties p = new MessageSourceProperties();
		p.setBasename(List.of("messages"));
		p.setEncoding(StandardCharsets.UTF_8);
		p.setFallbackToSystemLocale(false);
		return p;
	}

	private static ResourceBundleMessageSource spring() {
		ResourceBundleMessageSource s = new ResourceBundleMessageSource();
		s.setBasenames("messages");
		s.setDefaultEncoding("UTF-8");
		s.setFallbackToSystemLocale(false);
		return s;
	}

	private static List<String> keys() throws IOException {
		Properties p = new Properties();
		for (String bundle : List.of("messages.properties", "messages_zh_TW.properties", "messages_en.properties")) {
			try (InputStream in = MessagesTests.class.getResourceAsStream("/" + bundle)) {
				p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		return new ArrayList<>(p.stringPropertyNames());
	}

	private static String say(org.springframework.context.MessageSource source, String key, Object[] args, Locale locale) {
		try {
			return source.getMessage(key, args, key, locale);
		}
		catch (RuntimeException e) {
			return "threw " + e.getClass().getName();
		}
	}

	@Test
	void everyMessageReadsAsSpringsOwnSourceWouldSayIt() throws IOException {
		Messages ours = Messages.configured(properties());
		ResourceBundleMessageSource theirs = spring();
		List<String> keys = keys();
		assertThat(keys).hasSizeGreaterThan(500);
		int compared = 0;
		for (String key : keys) {
			for (Locale locale : LANGUAGES) {
				for (Object[] args : ARGUMENTS) {
					assertThat(say(ours, key, args, locale)).as("%s in %s with %s", key, locale, List.of(args))
						.isEqualTo(say(theirs, key, args, locale));
					compared++;
				}
				// twice: the second time from the caches
				assertThat(say(ours, key, ARGUMENTS[0], locale)).isEqualTo(say(theirs, key, ARGUMENTS[0], locale));
			}
		}
		assertThat(compared).isEqualTo(keys.size() * LANGUAGES.length * ARGUMENTS.length);
		assertThat(say(ours, "no.such.key", ARGUMENTS[0], Locale.ENGLISH)).isEqualTo("no.such.key");
	}

	@Test
	void aMessageWithArgumentsIsFormattedWithoutTakingTheLockOfTheSharedFormat() throws Exception {
		Messages messages = Messages.configured(properties());
		String key = keys().stream().filter(k -> spring().getMessage(k, null, Locale.ENGLISH).contains("{0}")).findFirst()
			.orElseThrow();
		MessageFormat shared = messages.shared(key, Locale.ENGLISH);
		assertThat(shared).isNotNull();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			synchronized (shared) {
				held.countDown();
				try {
					release.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		holder.start();
		try {
			assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
			// Spring's own source would wait here until the holder lets go
			String said = CompletableFuture.supplyAsync(() -> messages.getMessage(key, new Object[] { "X" }, Locale.ENGLISH))
				.get(5, TimeUnit.SECONDS);
			assertThat(said).isEqualTo(spring().getMessage(key, new Object[] { "X" }, Locale.ENGLISH)).contains("X");
		}
		finally {
			release.countDown();
			holder.join();
		}
	}
}
