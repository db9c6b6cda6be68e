package org.alliancehub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The embedded PostgreSQL starts while the context starts, and a server nobody takes is stopped again. */
class EarlyEmbeddedDatabaseTests {

	@TempDir
	Path data;

	private final SpringApplication application = new SpringApplication(Object.class);

	private GenericApplicationContext context(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment);
		return context;
	}

	@Test
	void theServerOfTheDataDirectoryIsStartingBeforeTheContextAsksForIt() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0],
				context(Map.of("alliancehub.data", data.toString()))));
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))) {
			assertThat(pg).isNotNull();
			try (var connection = pg.getPostgresDatabase().getConnection(); var rs = connection.createStatement().executeQuery("show fsync")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("on");
			}
		}
		// taken once: the bean of a second start in the same JVM starts its own
		assertThat(EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))).isNull();
	}

	@Test
	void theServerIsStartingAsSoonAsTheEnvironmentIsPreparedBeforeTheContextIsMade() throws Exception {
		// the first moment the configuration is known, before the context is made (its prepared event, later in a
		// real start, then finds the start under way: one start per directory, as for two contexts)
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				application, new String[0], context(Map.of("alliancehub.data", data.toString())).getEnvironment()));
		Path dir = EmbeddedDatabase.directory(data);
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(dir)) {
			assertThat(pg).isNotNull();
			try (var connection = pg.getPostgresDatabase().getConnection(); var rs = connection.createStatement().executeQuery("select 41 + 1")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(42);
			}
		}
		assertThat(EarlyEmbeddedDatabase.claim(dir)).isNull();
	}

	@Test
	void aServerNobodyTookIsStoppedWhenTheStartIsOver() throws Exception {
		GenericApplicationContext context = context(Map.of("alliancehub.data", data.toString()));
		EarlyEmbeddedDatabase listener = new EarlyEmbeddedDatabase();
		listener.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context));
		listener.onApplicationEvent(new ApplicationStartedEvent(application, new String[0], context, Duration.ZERO));
		// postmaster.opts is written by the server itself (not by initdb's bootstrap), postmaster.pid while it runs
		Path dir = EmbeddedDatabase.directory(data);
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline && !(Files.exists(dir.resolve("postmaster.opts")) && !Files.exists(dir.resolve("postmaster.pid")))) {
			Thread.sleep(50);
		}
		assertThat(dir.resolve("postmaster.opts")).as("the server was started").exists();
		assertThat(dir.resolve("postmaster.pid")).as("and stopped again").doesNotExist();
		assertThat(EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))).isNull();
	}

	@Test
	void aStartAbandonedDuringInitdbIsOverBeforeTheNextStartOfTheSameDirectoryBegins() throws Exception {
		// a first attempt fails while its initdb still runs, and a second attempt in this JVM (as a test framework
		// retrying a context would) starts on the same data directory at once: never two initdb on one directory
		GenericApplicationContext first = context(Map.of("alliancehub.data", data.toString()));
		EarlyEmbeddedDatabase listener = new EarlyEmbeddedDatabase();
		listener.onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], first));
		listener.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], first, new IllegalStateException("a bean failed")));
		SpringApplication again = new SpringApplication(Object.class);
		listener.onApplicationEvent(new ApplicationPreparedEvent(again, new String[0], context(Map.of("alliancehub.data", data.toString()))));
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))) {
			assertThat(pg).isNotNull();
			try (var connection = pg.getPostgresDatabase().getConnection(); var rs = connection.createStatement().executeQuery("select 41 + 1")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(42);
			}
		}
	}

	@Test
	void nothingStartsWhenAnExternalDatabaseIsConfigured() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0],
				context(Map.of("alliancehub.data", data.toString(), "spring.datasource.url", "jdbc:postgresql://db.example.org/x"))));
		assertThat(EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))).isNull();
		assertThat(EmbeddedDatabase.directory(data)).doesNotExist();
	}

	@Test
	void theMigrationsRunBesideTheContextSoThatTheContextsFlywayHasNothingLeftToDo() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context(
				Map.of("alliancehub.data", data.toString(), "spring.flyway.locations", "classpath:db/migration", "spring.flyway.group", "true"))));
		Path dir = EmbeddedDatabase.directory(data);
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(dir)) {
			assertThat(pg).isNotNull();
			// the context's Flyway (given to the strategy) does not run again once the early migration succeeded
			org.flywaydb.core.Flyway contexts = mock(org.flywaydb.core.Flyway.class);
			SchemaGate gate = new SchemaGate(EarlyEmbeddedDatabase.migration(dir));
			new EmbeddedDatabase().afterEarlyMigration(gate).migrate(contexts);
			gate.await();
			verify(contexts, never()).migrate();
			var flyway = org.flywaydb.core.Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load();
			assertThat(flyway.info().pending()).as("nothing pending once the early migration is over").isEmpty();
			assertThat(flyway.info().applied()).as("every migration applied, each once").hasSize(flyway.info().all().length);
			assertThat(flyway.migrate().migrationsExecuted).isZero();
		}
	}

	@Test
	void aFlywaySettingTheEarlyMigrationDoesNotKnowLeavesTheMigrationToTheContext() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context(
				Map.of("alliancehub.data", data.toString(), "spring.flyway.baseline-on-migrate", "true"))));
		Path dir = EmbeddedDatabase.directory(data);
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(dir)) {
			assertThat(pg).isNotNull();
			SchemaGate gate = new SchemaGate(EarlyEmbeddedDatabase.migration(dir));
			assertThat(gate.migratesBeside()).isFalse();
			var flyway = org.flywaydb.core.Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load();
			assertThat(flyway.info().applied()).isEmpty();
			// so the context's Flyway migrates, in its own bean
			org.flywaydb.core.Flyway contexts = mock(org.flywaydb.core.Flyway.class);
			new EmbeddedDatabase().afterEarlyMigration(gate).migrate(contexts);
			verify(contexts).migrate();
		}
	}

	@Test
	void theContextGoesOnWhileTheSchemaIsMigratedBesideItAndOnlyConnectionsWaitForTheMigration() throws Exception {
		// a migration that cannot end before this test lets it (db/held: it waits for a schema "released")
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context(
				Map.of("alliancehub.data", data.toString(), "spring.flyway.locations", "classpath:db/held"))));
		Path dir = EmbeddedDatabase.directory(data);
		SchemaGate gate = new SchemaGate(EarlyEmbeddedDatabase.migration(dir));
		try (EmbeddedDatabase.Server server = new EmbeddedDatabase.Server(EarlyEmbeddedDatabase.claimLater(dir));
				EmbeddedDatabase.EmbeddedPool pool = new EmbeddedDatabase.EmbeddedPool(server, gate)) {
			pool.setUsername("postgres");
			// the context's Flyway bean returns while the migration is still held: the context's thread goes on
			org.flywaydb.core.Flyway contexts = mock(org.flywaydb.core.Flyway.class);
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new EmbeddedDatabase().afterEarlyMigration(gate).migrate(contexts));
			// and a connection waits for the migration, so it never finds the schema unmade
			CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
				try (var connection = pool.getConnection(); var rs = connection.createStatement().executeQuery("select count(*) from held_thing")) {
					rs.next();
					return rs.getInt(1);
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			Thread.sleep(1000);
			assertThat(query).as("the connection waits while the migration is held").isNotDone();
			try (var connection = server.running().getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("create schema released");
			}
			assertThat(query.get(120, TimeUnit.SECONDS)).isZero();
			gate.await();
			verify(contexts, never()).migrate();
		}
	}

	@Test
	void aFailedEarlyMigrationIsRetriedByTheContextsFlywayWhoseFailureThenFailsEveryWait() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context(
				Map.of("alliancehub.data", data.toString(), "spring.flyway.locations", "classpath:db/broken"))));
		Path dir = EmbeddedDatabase.directory(data);
		CompletableFuture<Void> early = EarlyEmbeddedDatabase.migration(dir);
		try (EmbeddedDatabase.Server server = new EmbeddedDatabase.Server(EarlyEmbeddedDatabase.claimLater(dir))) {
			assertThat(early).isNotNull();
			assertThat(early.handle((done, failure) -> failure).get(120, TimeUnit.SECONDS)).as("the early migration failed").isNotNull();
			// the context's Flyway migrates at the first wait, once; its success opens the gate
			org.flywaydb.core.Flyway succeeding = mock(org.flywaydb.core.Flyway.class);
			SchemaGate gate = new SchemaGate(early);
			new EmbeddedDatabase().afterEarlyMigration(gate).migrate(succeeding);
			verify(succeeding, never()).migrate();
			gate.await();
			gate.await();
			verify(succeeding, times(1)).migrate();
			// its failure fails this wait and every later one (the start's among them), without migrating again
			org.flywaydb.core.Flyway failing = mock(org.flywaydb.core.Flyway.class);
			doThrow(new IllegalStateException("broken migration")).when(failing).migrate();
			SchemaGate failed = new SchemaGate(early);
			new EmbeddedDatabase().afterEarlyMigration(failed).migrate(failing);
			assertThatThrownBy(failed::await).hasMessage("broken migration");
			assertThatThrownBy(failed::await).hasMessage("broken migration");
			verify(failing, times(1)).migrate();
			// and a connection of the pool fails with it rather than finding a schema half made
			try (EmbeddedDatabase.EmbeddedPool pool = new EmbeddedDatabase.EmbeddedPool(server, failed)) {
				pool.setUsername("postgres");
				assertThatThrownBy(pool::getConnection).isInstanceOf(java.sql.SQLException.class)
					.hasRootCauseMessage("broken migration");
			}
		}
	}

	@Test
	void noEarlyMigrationWhenFlywayIsSwitchedOff() throws Exception {
		new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0], context(
				Map.of("alliancehub.data", data.toString(), "spring.flyway.enabled", "false"))));
		Path dir = EmbeddedDatabase.directory(data);
		try (EmbeddedPostgres pg = EarlyEmbeddedDatabase.claim(dir)) {
			assertThat(EarlyEmbeddedDatabase.migration(dir)).isNull();
			var flyway = org.flywaydb.core.Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load();
			assertThat(flyway.info().applied()).isEmpty();
		}
	}

	@Test
	void nothingStartsWhileSpringAotProcessesTheApplicationAtBuildTime() throws Exception {
		System.setProperty("spring.aot.processing", "true");
		try {
			new EarlyEmbeddedDatabase().onApplicationEvent(new ApplicationPreparedEvent(application, new String[0],
					context(Map.of("alliancehub.data", data.toString()))));
		}
		finally {
			System.clearProperty("spring.aot.processing");
		}
		assertThat(EarlyEmbeddedDatabase.claim(EmbeddedDatabase.directory(data))).isNull();
		assertThat(EmbeddedDatabase.directory(data)).doesNotExist();
	}

}
