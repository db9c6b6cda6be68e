package org.alliancehub.platform;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's schema, as the context's connections wait for it. When {@link EarlyEmbeddedDatabase}
 * migrates beside the context's start, the context no longer waits for that migration while it creates its beans
 * (on a first start initdb, the server's start and every migration took longer than the context needed to reach its
 * Flyway, and its thread stood still meanwhile): only a connection of the embedded pool waits, on whichever thread
 * asks for one first, and the context waits once more after its last bean, before the web server and the scheduled
 * jobs start ({@link EmbeddedDatabase#schemaBeforeTheServerStarts}). So nothing queries a table the migration has
 * not made yet, and nobody is served before it is over.
 * <p>
 * When the early migration failed, the first to wait runs the context's Flyway ({@link #retryWith}) instead,
 * which migrates or repeats the failure; a failure then fails every wait, the start included. Without an early
 * migration (an external database, a {@code spring.flyway.*} setting the early one does not know, Flyway off) the
 * gate is open from the start and the context's Flyway migrates in its own bean, as Spring Boot does.
 */
final class SchemaGate {

	private static final Logger log = LoggerFactory.getLogger(SchemaGate.class);

	/** Set on the thread that runs the context's Flyway after a failed early migration: its own connections pass. */
	private static final ThreadLocal<Boolean> MIGRATING = new ThreadLocal<>();

	private final @Nullable CompletableFuture<Void> early;

	private volatile boolean open;

	private @Nullable Flyway contexts;

	private @Nullable RuntimeException failed;

	/** {@code early}: the migration begun beside the context's start, or null when there is none. */
	SchemaGate(@Nullable CompletableFuture<Void> early) {
		this.early = early;
		this.open = early == null;
	}

	/** Whether a migration runs beside the context's start, so that the context's Flyway must not migrate now. */
	boolean migratesBeside() {
		return early != null;
	}

	/** The context's Flyway, to migrate with should the early migration have failed. */
	synchronized void retryWith(Flyway flyway) {
		contexts = flyway;
	}

	/**
	 * Returns once the schema is migrated; throws when it cannot be (the early migration failed and so did, or could
	 * not yet, the context's Flyway).
	 */
	void await() {
		CompletableFuture<Void> migration = early;
		if (open || migration == null || MIGRATING.get() != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			migration.join();
			open = true;
		}
		catch (CompletionException | CancellationException e) {
			retry(e.getCause() != null ? e.getCause() : e);
		}
		long waited = (System.nanoTime() - started) / 1_000_000;
		if (waited > 0) {
			log.info("{} waited {} ms for the schema's migration", Thread.currentThread().getName(), waited);
		}
	}

	private synchronized void retry(Throwable early) {
		if (open) {
			return;
		}
		if (failed == null) {
			Flyway flyway = contexts;
			if (flyway == null) {
				failed = new IllegalStateException("The schema's migration failed before the context's Flyway was made", early);
			}
			else {
				log.warn("The schema's migration beside the context's start failed; the context's Flyway tries again", early);
				MIGRATING.set(Boolean.TRUE);
				try {
					flyway.migrate();
					open = true;
					return;
				}
				catch (RuntimeException e) {
					failed = e;
				}
				finally {
					MIGRATING.remove();
				}
			}
		}
		throw java.util.Objects.requireNonNull(failed);
	}

}
