package org.alliancehub.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL is started by {@code pg_ctl}, so it runs detached from the JVM: when the JVM is
 * killed ({@code kill -9}, out of memory, a crash) the postmaster lives on, holds the data directory and
 * makes the next start fail. Before a start this finds such an orphan and shuts it down cleanly (a smart
 * shutdown, as {@code pg_ctl stop} would: what was committed is kept), so that the restart recovers by
 * itself. A postmaster is only an orphan when no live process holds the embedded database's lock file
 * ({@code epg-lock}, which the owning JVM holds while it runs and which the kernel releases when it dies),
 * when {@code postmaster.pid} names this data directory, and when that process is a running postgres.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	/** The lock file io.zonky's EmbeddedPostgres holds in the data directory while its owner runs. */
	static final String OWNER_LOCK = "epg-lock";

	private OrphanedPostmaster() {
	}

	/** Stops the orphaned postmaster of {@code dataDirectory}, if there is one; answers whether it did. */
	static boolean stop(Path dataDirectory, Duration patience) throws IOException {
		Path dir = dataDirectory.toAbsolutePath();
		if (!Files.exists(dir.resolve("postmaster.pid"))) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(dir.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			FileLock owner = channel.tryLock();
			if (owner == null) {
				// A live process owns this database; it is not ours to stop, and the start will say so.
				return false;
			}
			try {
				Optional<ProcessHandle> postmaster = postmaster(dir);
				if (postmaster.isEmpty()) {
					return false; // a stale pid file of a dead postmaster: PostgreSQL itself removes it
				}
				ProcessHandle p = postmaster.get();
				log.warn("PostgreSQL (pid {}) is still running on {} although the process that started it is gone; "
						+ "shutting it down before starting again", p.pid(), dir);
				// SIGTERM is PostgreSQL's smart shutdown: the dead owner's sessions end as their sockets close,
				// then it checkpoints and exits, removing postmaster.pid.
				p.destroy();
				try {
					p.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException e) {
					throw new IllegalStateException("the orphaned PostgreSQL (pid " + p.pid() + ") on " + dir
							+ " did not shut down within " + patience + "; stop it and start again", e);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for PostgreSQL to shut down", e);
				}
				catch (java.util.concurrent.ExecutionException e) {
					throw new IllegalStateException(e);
				}
				log.info("The orphaned PostgreSQL (pid {}) has shut down", p.pid());
				return true;
			}
			finally {
				owner.release();
			}
		}
	}

	/** The running postgres that {@code postmaster.pid} names, if it serves this very directory. */
	static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
		List<String> lines;
		try {
			lines = Files.readAllLines(dir.resolve("postmaster.pid"));
		}
		catch (java.nio.file.NoSuchFileException e) {
			return Optional.empty();
		}
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")
				|| !Path.of(lines.get(1).strip()).toAbsolutePath().normalize().equals(dir.normalize())) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false))
			// a pid may have been reused: the process must be the postgres of this directory
			.filter(p -> p.info()
				.arguments()
				.map(args -> Arrays.asList(args).contains(dir.toString()))
				.orElse(true));
	}

}
