package org.alliancehub.annual.internal;

import org.alliancehub.platform.BackgroundJobs;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The network's annual report made in the background ({@link BackgroundJobs}). */
@Component
public class PdfJobs {

	/** What a client sees of a job. */
	public record Job(String id, int year, String state, int percent, String stage, @Nullable String error) {

		static Job of(int year, BackgroundJobs.Job j) {
			return new Job(j.id(), year, j.state(), j.percent(), j.stage(), j.error());
		}
	}

	private final BackgroundJobs jobs = new BackgroundJobs("annual-report");

	private final NetworkReportPdf renderer;

	PdfJobs(NetworkReportPdf renderer) {
		this.renderer = renderer;
	}

	public Job start(int year) {
		return Job.of(year, jobs.start(year, (locale, progress) -> renderer.render(year, locale, progress)));
	}

	public Job job(int year, String id) {
		return Job.of(year, jobs.job(year, id));
	}

	public byte[] file(int year, String id) {
		return jobs.file(year, id);
	}
}
