package org.alliancehub.survey.web;

import org.alliancehub.survey.internal.ReportJobs;
import org.alliancehub.survey.internal.StatisticSource;
import org.jspecify.annotations.Nullable;

/** The view records the statistics pages give their templates, never the module's internals. */
public final class StatisticsViews {

	private StatisticsViews() {
	}

	/** A survey whose statistics an alliance's site lists. */
	public record Listed(long id, String title, String period) {

		static Listed of(StatisticSource.Listed l) {
			return new Listed(l.id(), l.title(), l.period());
		}
	}

	/** Where the PDF report being made stands: the page polls it while it runs. */
	public record ReportProgress(String id, long surveyId, boolean running, boolean done, int percent,
			@Nullable String error) {

		static ReportProgress of(ReportJobs.Job j) {
			return new ReportProgress(j.id(), j.surveyId(), j.state().equals("RUNNING"), j.state().equals("DONE"),
					j.percent(), j.error());
		}
	}
}
