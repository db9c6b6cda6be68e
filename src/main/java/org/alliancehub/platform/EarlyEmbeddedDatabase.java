package org.alliancehub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL (initdb on a first start, then the server) on a thread of its own as soon as the
 * application's environment is final (once Spring Boot's own listeners have read the configuration files into it,
 * before the context is even made), so that it runs while Spring makes the context, parses the configuration,
 * creates the web server and the first beans, instead of before the first query. (Should the environment prepared
 * event not come, e.g. a context started otherwise, the context's prepared event starts it; never twice.) The
 * {@code EmbeddedPostgres} bean of {@link EmbeddedDatabase} takes the server from here (or the failure, which then
 * fails the start as before). A server nobody took by the end of the start (the bean was not wanted after all, or
 * the start failed) is stopped again. Registered in {@code META-INF/spring.factories}.
 * <p>
 * Never two initdb (or starts) on one directory: every start of a directory, this early one, the bean's own or a
 * second attempt's, runs under the directory's lock ({@link EmbeddedDatabase#start(Path, java.util.function.Function)}),
 * and a server abandoned while it was still starting is stopped under that lock too, before the next start of the
 * directory may look at it. (The library itself runs initdb before it takes its own lock, {@code epg-lock}.)
 */
final class EarlyEmbeddedDatabase implements GenericApplicationListener {

	private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);

	private record Starting(SpringApplication application, CompletableFuture<EmbeddedPostgres> server) {
	}

	private static final Map<Path, Starting> STARTING = new ConcurrentHashMap<>();

	/** The early migrations under way or done, per data directory, until the context's Flyway waits for them. */
	private static final Map<Path, CompletableFuture<Void>> MIGRATING = new ConcurrentHashMap<>();

	/**
	 * The early migration of {@code dir} under way or done (taken once), or null when none was started for it: then
	 * the context's Flyway migrates as Spring Boot's does. See {@link SchemaGate}.
	 */
	static @Nullable CompletableFuture<Void> migration(Path dir) {
		return MIGRATING.remove(dir);
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationStartedEvent.class.isAssignableFrom(type) || ApplicationFailedEvent.class.isAssignableFrom(type));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent environment) {
			begin(environment.getSpringApplication(), environment.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared) {
			begin(prepared.getSpringApplication(), prepared.getApplicationContext().getEnvironment());
		}
		else if (event instanceof ApplicationStartedEvent started) {
			abandon(started.getSpringApplication());
		}
		else if (event instanceof ApplicationFailedEvent failed) {
			abandon(failed.getSpringApplication());
		}
	}

	private static void begin(SpringApplication application, ConfigurableEnvironment environment) {
		// Spring AOT's build-time processing (mvn -Paot) prepares the context without starting it: no database then
		// (it would outlive the build, since no started or failed event ends such a run)
		if (Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		// the same condition as EmbeddedDatabase's: no external database configured
		if (!EmbeddedDatabase.wanted(environment)) {
			return;
		}
		Path dir = EmbeddedDatabase.directory(Path.of(Binder.get(environment).bind("alliancehub.data", String.class).orElse("./data")));
		CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
		if (STARTING.putIfAbsent(dir, new Starting(application, server)) != null) {
			return;
		}
		EarlyMigration migration = EarlyMigration.of(environment);
		CompletableFuture<Void> migrated = new CompletableFuture<>();
		if (migration != null) {
			MIGRATING.put(dir, migrated);
		}
		Thread starter = new Thread(() -> {
			try {
				EmbeddedDatabase.start(dir, pg -> {
					// still under the directory's lock: a start abandoned meanwhile stops its server before anyone
					// else may start or initialise this directory
					if (!server.complete(pg)) {
						stop(dir, pg);
					}
					return pg;
				});
			}
			catch (Throwable e) {
				server.completeExceptionally(e);
			}
			if (migration != null) {
				// Flyway's migrations on this core while the context's configuration and first beans take the
				// other one; the context's own Flyway then waits for this (EmbeddedDatabase's migration strategy),
				// and runs only when this failed, to repeat the failure as a failure of the start.
				try {
					if (!server.isCompletedExceptionally()) {
						long cpu = EmbeddedDatabase.threadCpu();
						migration.migrate(server.join());
						log.info("Early migration of {} done ({} ms CPU on this thread)", dir, (EmbeddedDatabase.threadCpu() - cpu) / 1_000_000);
					}
					migrated.complete(null);
				}
				catch (Throwable e) {
					log.warn("Early migration of {} failed; the context's Flyway will try again", dir, e);
					migrated.completeExceptionally(e);
				}
			}
		}, "embedded-postgres-start");
		starter.setDaemon(true);
		starter.start();
	}

	/** The server started early for {@code dir}, once it runs; null when none was started for it. */
	static @Nullable EmbeddedPostgres claim(Path dir) throws IOException {
		CompletableFuture<EmbeddedPostgres> server = claimLater(dir);
		return server == null ? null : running(server);
	}

	/**
	 * The server being started early for {@code dir}, taken (once) without waiting for it to run; null when none was
	 * started for it. Whoever takes it stops it ({@link EmbeddedDatabase.Server#close()}).
	 */
	static @Nullable CompletableFuture<EmbeddedPostgres> claimLater(Path dir) {
		Starting starting = STARTING.remove(dir);
		return starting == null ? null : starting.server();
	}

	/** Waits for {@code server} to run; its failure as the IOException or RuntimeException it was. */
	static EmbeddedPostgres running(CompletableFuture<EmbeddedPostgres> server) throws IOException {
		try {
			return server.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new UncheckedIOException(new IOException(e.getCause()));
		}
	}

	private static void abandon(SpringApplication application) {
		STARTING.forEach((dir, starting) -> {
			if (starting.application() == application && STARTING.remove(dir, starting)) {
				// Still starting: the starter stops the server itself, under the directory's lock, once it runs.
				if (!starting.server().completeExceptionally(new CancellationException("start of " + dir + " abandoned"))) {
					// Already running: stop it now, under the lock, so that the next start of this directory (a
					// second attempt in this JVM) waits for it instead of finding it half stopped.
					EmbeddedPostgres pg = starting.server().exceptionally(e -> null).join();
					if (pg != null) {
						try {
							EmbeddedDatabase.locked(dir, () -> {
								stop(dir, pg);
								return null;
							});
						}
						catch (IOException e) {
							log.warn("Could not stop the embedded PostgreSQL of {}", dir, e);
						}
					}
				}
			}
		});
	}

	private static void stop(Path dir, EmbeddedPostgres pg) {
		log.info("Stopping the embedded PostgreSQL started for {}: nothing used it", dir);
		try {
			pg.close();
		}
		catch (IOException closing) {
			log.warn("Could not stop the embedded PostgreSQL of {}", dir, closing);
		}
	}

	/**
	 * Flyway as the context would configure it from {@code spring.flyway.*}, for the settings this installation uses
	 * (locations, group). Any other {@code spring.flyway.*} setting, or Flyway switched off, and there is no early
	 * migration: the context's Flyway alone migrates, as before.
	 */
	record EarlyMigration(String[] locations, boolean group) {

		private static final java.util.Set<String> UNDERSTOOD = java.util.Set.of("spring.flyway.enabled",
				"spring.flyway.locations", "spring.flyway.group");

		static @Nullable EarlyMigration of(ConfigurableEnvironment environment) {
			Binder binder = Binder.get(environment);
			if (!binder.bind("spring.flyway.enabled", Boolean.class).orElse(true)) {
				return null;
			}
			for (var source : environment.getPropertySources()) {
				if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> names) {
					for (String name : names.getPropertyNames()) {
						String canonical = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.').replace("-", "");
						if (canonical.startsWith("spring.flyway.") && UNDERSTOOD.stream()
							.noneMatch(u -> canonical.equals(u) || canonical.startsWith(u + "["))) {
							log.info("No early migration: {} is set", name);
							return null;
						}
					}
				}
			}
			return new EarlyMigration(binder.bind("spring.flyway.locations", String[].class).orElse(new String[] { "classpath:db/migration" }),
					binder.bind("spring.flyway.group", Boolean.class).orElse(false));
		}

		void migrate(EmbeddedPostgres pg) {
			org.flywaydb.core.Flyway.configure(EarlyEmbeddedDatabase.class.getClassLoader())
				.dataSource(pg.getPostgresDatabase())
				.locations(locations)
				.group(group)
				.load()
				.migrate();
		}

	}

}
