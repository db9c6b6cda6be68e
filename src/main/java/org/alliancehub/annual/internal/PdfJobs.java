package org.alliancehub.annual.internal;

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
import org.springframework.stereotype.Component;

/**
 * The network's annual report made in the background, one at a time, with its progress for the page's
 * progress bar and the API (as the statistics report's jobs do); a finished PDF is kept for an hour.
 */
@Component
public class PdfJobs {

	private static final Logger log = LoggerFactory.getLogger(PdfJobs.class);

	private static final Duration KEEP = Duration.ofHours(1);

	/** What a client sees of a job. */
	public record Job(String id, int year, String state, int percent, String stage, @Nullable String error) {
	}

	private static final class State {

		final String id;

		final int year;

		final Instant started = Instant.now();

		volatile String state = "RUNNING";

		volatile int percent;

		volatile String stage = "queued";

		volatile @Nullable String error;

		volatile byte @Nullable [] pdf;

		State(String id, int year) {
			this.id = id;
			this.year = year;
		}

		Job view() {
			return new Job(id, year, state, percent, stage, error);
		}
	}

	private final Map<String, State> jobs = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "annual-report");
		t.setDaemon(true);
		return t;
	});

	private final NetworkReportPdf renderer;

	PdfJobs(NetworkReportPdf renderer) {
		this.renderer = renderer;
	}

	public Job start(int year) {
		Instant limit = Instant.now().minus(KEEP);
		jobs.values().removeIf(s -> s.started.isBefore(limit));
		State s = new State(UUID.randomUUID().toString(), year);
		jobs.put(s.id, s);
		Locale locale = LocaleContextHolder.getLocale();
		worker.execute(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				s.pdf = renderer.render(year, locale, (stage, done, total) -> {
					s.stage = stage;
					s.percent = done * 100 / total;
				});
				s.percent = 100;
				s.stage = "done";
				s.state = "DONE";
			}
			catch (RuntimeException e) {
				log.warn("annual report {} failed: {}", year, e.getMessage());
				s.error = e.getMessage();
				s.state = "FAILED";
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}));
		return s.view();
	}

	public Job job(int year, String id) {
		return state(year, id).view();
	}

	public byte[] file(int year, String id) {
		byte[] pdf = state(year, id).pdf;
		if (pdf == null) {
			throw new NotFound("report " + id + " is not ready");
		}
		return pdf;
	}

	private State state(int year, String id) {
		State s = jobs.get(id);
		if (s == null || s.year != year) {
			throw new NotFound("report " + id);
		}
		return s;
	}
}
