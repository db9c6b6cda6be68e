package org.alliancehub.survey.internal;

import org.alliancehub.platform.BackgroundJobs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A survey's statistics report made in the background ({@link BackgroundJobs}), or while the caller waits. */
@Component
public class ReportJobs {

	/** What a client sees of a job. */
	public record Job(String id, long surveyId, String state, int percent, String stage, @Nullable String error) {

		static Job of(long surveyId, BackgroundJobs.Job j) {
			return new Job(j.id(), surveyId, j.state(), j.percent(), j.stage(), j.error());
		}
	}

	private final BackgroundJobs jobs = new BackgroundJobs("survey-report");

	private final ReportRenderer renderer;

	ReportJobs(ReportRenderer renderer) {
		this.renderer = renderer;
	}

	public Job start(long surveyId) {
		return Job.of(surveyId, jobs.start(surveyId, (locale, progress) -> renderer.render(surveyId, locale, progress)));
	}

	/** Makes the report while the caller waits. */
	public byte[] renderNow(long surveyId) {
		return renderer.render(surveyId, LocaleContextHolder.getLocale(), (stage, done, total) -> {
		});
	}

	public Job job(long surveyId, String id) {
		return Job.of(surveyId, jobs.job(surveyId, id));
	}

	public byte[] file(long surveyId, String id) {
		return jobs.file(surveyId, id);
	}
}
