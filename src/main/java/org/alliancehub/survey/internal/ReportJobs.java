package org.alliancehub.survey.internal;

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
 * Reports made in the background, one at a time, with their progress for the page's progress bar and the
 * API; a finished report is kept in memory for an hour to be downloaded.
 */
@Component
public class ReportJobs {

	private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

	private static final Duration KEEP = Duration.ofHours(1);

	/** What a client sees of a job. */
	public record Job(String id, long surveyId, String state, int percent, String stage, @Nullable String error) {
	}

	private static final class State {

		final String id;

		final long surveyId;

		final Instant started = Instant.now();

		volatile String state = "RUNNING";

		volatile int percent;

		volatile String stage = "queued";

		volatile @Nullable String error;

		volatile byte @Nullable [] pdf;

		State(String id, long surveyId) {
			this.id = id;
			this.surveyId = surveyId;
		}

		Job view() {
			return new Job(id, surveyId, state, percent, stage, error);
		}
	}

	private final Map<String, State> jobs = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "survey-report");
		t.setDaemon(true);
		return t;
	});

	private final ReportRenderer renderer;

	ReportJobs(ReportRenderer renderer) {
		this.renderer = renderer;
	}

	public Job start(long surveyId) {
		forgetOld();
		State s = new State(UUID.randomUUID().toString(), surveyId);
		jobs.put(s.id, s);
		Locale locale = LocaleContextHolder.getLocale();
		worker.execute(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				s.pdf = renderer.render(surveyId, locale, (stage, done, total) -> {
					s.stage = stage;
					s.percent = done * 100 / total;
				});
				s.percent = 100;
				s.stage = "done";
				s.state = "DONE";
			}
			catch (RuntimeException e) {
				log.warn("report of survey {} failed: {}", surveyId, e.getMessage());
				s.error = e.getMessage();
				s.state = "FAILED";
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}));
		return s.view();
	}

	/** Makes the report while the caller waits. */
	public byte[] renderNow(long surveyId) {
		return renderer.render(surveyId, LocaleContextHolder.getLocale(), (stage, done, total) -> {
		});
	}

	public Job job(long surveyId, String id) {
		return state(surveyId, id).view();
	}

	public byte[] file(long surveyId, String id) {
		byte[] pdf = state(surveyId, id).pdf;
		if (pdf == null) {
			throw new NotFound("report " + id + " is not ready");
		}
		return pdf;
	}

	private State state(long surveyId, String id) {
		State s = jobs.get(id);
		if (s == null || s.surveyId != surveyId) {
			throw new NotFound("report " + id);
		}
		return s;
	}

	private void forgetOld() {
		Instant limit = Instant.now().minus(KEEP);
		jobs.values().removeIf(s -> s.started.isBefore(limit));
	}
}
