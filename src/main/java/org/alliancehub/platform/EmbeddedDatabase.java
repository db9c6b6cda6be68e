package org.alliancehub.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code SPRING_DATASOURCE_URL} the platform starts a real PostgreSQL itself, from binaries that
 * come from Maven Central, with its files in {@code <data>/postgres} so that they survive restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(AllianceHubProperties properties, org.springframework.core.env.Environment environment) throws IOException {
		requireNoExternalDatabase(environment);
		Path dir = directory(properties.data());
		// usually already starting since before the context's refresh (EarlyEmbeddedDatabase)
		EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(dir);
		return pg != null ? pg : start(dir);
	}

	/**
	 * This configuration's condition is read once: when the context starts, or, for a jar built with Spring AOT
	 * ({@code mvn -Paot package}) and run with {@code -Dspring.aot.enabled=true}, when the jar was built. Such a jar,
	 * built without {@code SPRING_DATASOURCE_URL}, would start the embedded database even when run with one: it
	 * refuses to start instead (run it without the AOT flag, or build it with the URL set).
	 */
	static void requireNoExternalDatabase(org.springframework.core.env.Environment environment) {
		if (!environment.getProperty("spring.datasource.url", "").isEmpty()) {
			throw new IllegalStateException("spring.datasource.url is set, but this start's bean definitions are those of the "
					+ "embedded database: they were fixed when the jar was built with Spring AOT (-Paot) without it. Start "
					+ "without -Dspring.aot.enabled=true, or build the AOT jar with spring.datasource.url set.");
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

	private static EmbeddedPostgres startLocked(Path dir) throws IOException {
		long started = System.nanoTime();
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
		log.info("Embedded PostgreSQL running on port {} with data in {} (started in {} ms)", pg.getPort(), dir,
				(System.nanoTime() - started) / 1_000_000);
		return pg;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres pg,
			@org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(poolSize);
		ds.setPoolName("embedded");
		return ds;
	}

	/**
	 * The context's Flyway waits for the migration {@link EarlyEmbeddedDatabase} started beside the context's
	 * configuration, then migrates as usual: with the early one done, it only validates ("No migration
	 * necessary"); had the early one failed, this repeats the failure as a failure of the start.
	 */
	@Bean
	org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy afterEarlyMigration(AllianceHubProperties properties) {
		Path dir = directory(properties.data());
		return flyway -> {
			EarlyEmbeddedDatabase.awaitMigration(dir);
			flyway.migrate();
		};
	}

	@Bean
	EmbeddedMarker embeddedMarker() {
		return new EmbeddedMarker();
	}

	/** Present in the context when the database is the embedded one; demo content keys off it. */
	static final class EmbeddedMarker {
	}

}
