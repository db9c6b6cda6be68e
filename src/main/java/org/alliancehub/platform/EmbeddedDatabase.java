package org.alliancehub.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Without {@code SPRING_DATASOURCE_URL} the platform starts a real PostgreSQL itself, from binaries that
 * come from Maven Central, with its files in {@code <data>/postgres} so that they survive restarts.
 * <p>
 * The choice is made when the context starts, by the beans below, not by a bean condition: a jar built with Spring
 * AOT ({@code mvn -Paot package}, run with {@code -Dspring.aot.enabled=true}) has its bean definitions fixed at
 * build time, and the same AOT jar serves the embedded database and an external one (e.g. in the Jib image).
 * With an external database, {@link #dataSource} is the pool Spring Boot would make ({@code spring.datasource.*},
 * {@code spring.datasource.hikari.*}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** Whether this start uses the embedded database: no external one configured. */
	static boolean wanted(Environment environment) {
		return environment.getProperty("spring.datasource.url", "").isEmpty();
	}

	/**
	 * The embedded server when {@link #wanted}, started early (usually) or here; none with an external database.
	 * The context does not wait here for the early start to be over: the pool's first connection does.
	 */
	@Bean(destroyMethod = "close")
	Server embeddedPostgres(AllianceHubProperties properties, Environment environment) throws IOException {
		if (!wanted(environment)) {
			return new Server(null);
		}
		Path dir = directory(properties.data());
		// usually already starting since before the context's refresh (EarlyEmbeddedDatabase)
		CompletableFuture<EmbeddedPostgres> early = EarlyEmbeddedDatabase.claimLater(dir);
		return new Server(early != null ? early : CompletableFuture.completedFuture(start(dir)));
	}

	/** The embedded PostgreSQL this start runs (or is starting), if any; closing it stops the server. */
	record Server(@Nullable CompletableFuture<EmbeddedPostgres> pg) implements AutoCloseable {

		/** The server, once it runs. */
		EmbeddedPostgres running() throws IOException {
			return EarlyEmbeddedDatabase.running(java.util.Objects.requireNonNull(pg, "no embedded database"));
		}

		@Override
		public void close() throws IOException {
			if (pg != null) {
				// a start still under way is waited for, so that the server it makes is stopped too
				EmbeddedPostgres server = pg.exceptionally(e -> null).join();
				if (server != null) {
					server.close();
				}
			}
		}

	}

	static Path directory(Path data) {
		return data.resolve("postgres").toAbsolutePath().normalize();
	}

	/** One lock per data directory in this JVM; see {@link #start(Path, Function)}. */
	private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	static EmbeddedPostgres start(Path dir) throws IOException {
		return start(dir, pg -> pg);
	}

	/**
	 * Starts the server of {@code dir} (initdb first when the directory holds no database yet) and hands it to
	 * {@code then}, all while holding the directory's lock: in this JVM a {@link ReentrantLock} per directory,
	 * across processes a {@link FileLock} on {@code <data>/postgres.start-lock}. So at most one initdb or start runs
	 * on one directory at a time, whoever asks (the early start, the bean, a second context of the same JVM, a
	 * second process); the one that comes second finds the database initialised and either starts it or fails
	 * on the library's own lock ({@code epg-lock}, held while a server runs), never initialising it a second
	 * time. {@code then} runs under the lock too, so that a server nobody wants any more can be stopped before
	 * the next start of the directory looks at it.
	 */
	static <T> T start(Path dir, Function<EmbeddedPostgres, T> then) throws IOException {
		return locked(dir, () -> then.apply(startLocked(dir)));
	}

	/** Runs {@code work} holding {@code dir}'s lock (in this JVM and on disk). */
	static <T> T locked(Path dir, IoSupplier<T> work) throws IOException {
		ReentrantLock lock = LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
		lock.lock();
		try {
			Files.createDirectories(dir.getParent());
			try (FileChannel channel = FileChannel.open(dir.resolveSibling("postgres.start-lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock onDisk = channel.lock()) {
				return work.get();
			}
		}
		finally {
			lock.unlock();
		}
	}

	@FunctionalInterface
	interface IoSupplier<T> {

		T get() throws IOException;

	}

	/** The CPU time of the calling thread, in ns (for the start's log lines). */
	static long threadCpu() {
		return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static EmbeddedPostgres startLocked(Path dir) throws IOException {
		long started = System.nanoTime();
		long cpu = threadCpu();
		Files.createDirectories(dir);
		// After a crash of the JVM the postmaster may still run and hold the directory: stop it cleanly first.
		OrphanedPostmaster.stop(dir, java.time.Duration.ofSeconds(60));
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Spring stops PostgreSQL after everything that uses it; a hook of its own would stop it first.
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "50")
			.setServerConfig("shared_buffers", "128MB")
			.setServerConfig("fsync", "on")
			// the library turns these off for speed in tests; an acknowledged write must survive a power cut
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		log.info("Embedded PostgreSQL running on port {} with data in {} (started in {} ms, {} ms CPU on this thread)",
				pg.getPort(), dir, (System.nanoTime() - started) / 1_000_000, (threadCpu() - cpu) / 1_000_000);
		return pg;
	}

	/**
	 * The pool: on the embedded server, or, with {@code spring.datasource.url}, the one Spring Boot's own
	 * configuration would make from {@code spring.datasource.*}; {@code spring.datasource.hikari.*} applies to both.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(Server embeddedPostgres, SchemaGate schemaGate, DataSourceProperties properties) {
		if (embeddedPostgres.pg() == null) {
			HikariDataSource external = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
			if (StringUtils.hasText(properties.getName())) {
				external.setPoolName(properties.getName());
			}
			return external;
		}
		EmbeddedPool ds = new EmbeddedPool(embeddedPostgres, schemaGate);
		ds.setUsername("postgres");
		ds.setPoolName("embedded");
		return ds;
	}

	/**
	 * The pool of the embedded server. Made before the server runs: its first connection waits for the server (and
	 * learns its address then) and for the schema ({@link SchemaGate}); Hikari itself starts only then, as always.
	 */
	static final class EmbeddedPool extends HikariDataSource {

		private final Server server;

		private final SchemaGate schema;

		private volatile boolean located;

		EmbeddedPool(Server server, SchemaGate schema) {
			this.server = server;
			this.schema = schema;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (!located) {
				locate();
			}
			try {
				schema.await();
			}
			catch (RuntimeException e) {
				throw new SQLException("The embedded database's schema could not be migrated", e);
			}
			return super.getConnection();
		}

		private synchronized void locate() throws SQLException {
			if (located) {
				return;
			}
			try {
				setJdbcUrl(server.running().getJdbcUrl("postgres", "postgres"));
			}
			catch (IOException | RuntimeException e) {
				throw new SQLException("The embedded PostgreSQL did not start", e);
			}
			located = true;
		}

	}

	/** What the embedded pool's connections wait for: the migration beside the context's start, if one runs. */
	@Bean
	SchemaGate schemaGate(AllianceHubProperties properties, Environment environment) {
		return new SchemaGate(wanted(environment) ? EarlyEmbeddedDatabase.migration(directory(properties.data())) : null);
	}

	/**
	 * The context's Flyway leaves the schema to the migration begun beside the context's start, when there is one,
	 * and does not wait for it (nor connect again to validate it, which cost the context's thread a validation of
	 * every migration at each restart): see {@link SchemaGate}, which runs this Flyway should that migration fail.
	 * Otherwise (an external database, or a {@code spring.flyway.*} setting the early one does not know) it migrates
	 * as usual.
	 */
	@Bean
	org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy afterEarlyMigration(SchemaGate schemaGate) {
		return flyway -> {
			if (schemaGate.migratesBeside()) {
				schemaGate.retryWith(flyway);
				log.info("Schema migrating beside the context's start; the context's Flyway has nothing to do");
				return;
			}
			flyway.migrate();
		};
	}

	/**
	 * After the last bean, before the web server and the scheduled jobs start: the schema is migrated (or the start
	 * fails with the migration's failure). The beans themselves did not wait for it, only their connections.
	 */
	@Bean
	static SmartInitializingSingleton schemaBeforeTheServerStarts(ObjectProvider<SchemaGate> schemaGate) {
		return () -> schemaGate.ifAvailable(SchemaGate::await);
	}

}
