package org.alliancehub.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Files (PDF reports) made in the background, one at a time, with their progress (percent and stage) for a
 * page's progress bar and the API; a finished file is kept in memory for an hour to be downloaded. The
 * caller's security context and locale go with the work. Each kind of file has its own instance (and its
 * own worker thread); a job belongs to a key (the survey, the year) and is only found under that key.
 */
public final class BackgroundJobs {

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	private static final Duration KEEP = Duration.ofHours(1);

	/** How far the making of a file has come. */
	@FunctionalInterface
	public interface Progress {

		void step(String stage, int done, int total);
	}

	/** The work of a job: makes the file in the caller's locale, telling its progress. */
	@FunctionalInterface
	public interface Work {

		byte[] make(Locale locale, Progress progress);
	}

	/** What a client sees of a job; {@code state} is RUNNING, DONE or FAILED. */
	public record Job(String id, String state, int percent, String stage, @Nullable String error) {
	}

	private static final class State {

		final String id = UUID.randomUUID().toString();

		final Object key;

		final Instant started = Instant.now();

		volatile String state = "RUNNING";

		volatile int percent;

		volatile String stage = "queued";

		volatile @Nullable String error;

		volatile byte @Nullable [] file;

		State(Object key) {
			this.key = key;
		}

		Job view() {
			return new Job(id, state, percent, stage, error);
		}
	}

	private final String name;

	private final Map<String, State> jobs = new ConcurrentHashMap<>();

	private final ExecutorService worker;

	/** @param name what the jobs make, for the worker thread's name and the log (e.g. "survey-report") */
	public BackgroundJobs(String name) {
		this.name = name;
		this.worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}

	/** Queues the work for {@code key}, forgetting jobs older than an hour. */
	public Job start(Object key, Work work) {
		forgetOld();
		State s = new State(key);
		jobs.put(s.id, s);
		Locale locale = LocaleContextHolder.getLocale();
		worker.execute(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				s.file = work.make(locale, (stage, done, total) -> {
					s.stage = stage;
					s.percent = done * 100 / total;
				});
				s.percent = 100;
				s.stage = "done";
				s.state = "DONE";
			}
			catch (RuntimeException e) {
				log.warn("{} {} failed: {}", name, key, e.getMessage());
				s.error = e.getMessage();
				s.state = "FAILED";
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}));
		return s.view();
	}

	/** The job {@code id} of {@code key}, or NotFound. */
	public Job job(Object key, String id) {
		return state(key, id).view();
	}

	/** The finished file of job {@code id} of {@code key}, or NotFound (also while it is not ready). */
	public byte[] file(Object key, String id) {
		byte[] file = state(key, id).file;
		if (file == null) {
			throw new NotFound("report " + id + " is not ready");
		}
		return file;
	}

	private State state(Object key, String id) {
		State s = jobs.get(id);
		if (s == null || !s.key.equals(key)) {
			throw new NotFound("report " + id);
		}
		return s;
	}

	private void forgetOld() {
		Instant limit = Instant.now().minus(KEEP);
		jobs.values().removeIf(s -> s.started.isBefore(limit));
	}
}
