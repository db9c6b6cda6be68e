package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Problems;
import org.alliancehub.survey.GroupBy;
import org.alliancehub.survey.Statistics;
import org.alliancehub.survey.SurveyStatistics;
import org.alliancehub.survey.internal.ExportWriter;
import org.alliancehub.survey.internal.ReportJobs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.alliancehub.survey.internal.ReportFontMissing;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics of a survey over the API, the exports and the report for government. Who gets what is decided
 * by {@link Statistics}: the full view for the alliance's secretariat, the suppressed view for anyone else,
 * and nothing about a draft. Raw answers are for the secretariat only.
 */
@RestController
class StatisticsApi {

	private final Statistics statistics;

	private final ExportWriter exports;

	private final ReportJobs reports;

	StatisticsApi(Statistics statistics, ExportWriter exports, ReportJobs reports) {
		this.statistics = statistics;
		this.exports = exports;
		this.reports = reports;
	}

	/** A published or closed survey's statistics are public (suppressed); a draft's are the secretariat's. */
	static final String READ = "@access.canRead('survey-statistics', #id)";

	/** Raw answers and the report: the secretariat; 403 to others who may read the statistics, 404 for a draft. */
	static final String MANAGE = "isAuthenticated() and @access.canManage('survey-statistics', #id)";

	/** The statistics table for whoever reads the statistics; the raw answers for the secretariat. */
	static final String EXPORT = "#kind == 'statistics' ? " + READ + " : (" + MANAGE + ")";

	@GetMapping("/api/v1/surveys/{id}/statistics")
	@PreAuthorize(READ)
	SurveyStatistics statistics(@PathVariable long id, @RequestParam(required = false) @Nullable String groupBy) {
		return statistics.of(id, groupBy(groupBy));
	}

	/**
	 * {@code kind=raw} (the default): every response, for the secretariat; {@code kind=statistics}: the
	 * statistics table, for anyone who may read the statistics (suppressed unless secretariat).
	 */
	@GetMapping("/api/v1/surveys/{id}/export.xlsx")
	@PreAuthorize(EXPORT)
	void xlsx(@PathVariable long id, @RequestParam(defaultValue = "raw") String kind,
			@RequestParam(required = false) @Nullable String groupBy, HttpServletResponse response) throws IOException {
		Exports.write(statistics, exports, id, kind, groupBy(groupBy), "xlsx", response);
	}

	@GetMapping("/api/v1/surveys/{id}/export.csv")
	@PreAuthorize(EXPORT)
	void csv(@PathVariable long id, @RequestParam(defaultValue = "raw") String kind,
			@RequestParam(required = false) @Nullable String groupBy, HttpServletResponse response) throws IOException {
		Exports.write(statistics, exports, id, kind, groupBy(groupBy), "csv", response);
	}

	/**
	 * The report for government, made while the caller waits (for small surveys; large ones use a job). It
	 * holds only published figures but costs seconds of work, so only the secretariat asks for it.
	 */
	@GetMapping("/api/v1/surveys/{id}/report.pdf")
	@PreAuthorize(MANAGE)
	ResponseEntity<byte[]> report(@PathVariable long id) {
		byte[] pdf = reports.renderNow(id);
		return ResponseEntity.ok()
			.header("Content-Type", "application/pdf")
			.header("Content-Disposition", Exports.attachment("survey-" + id + "-report.pdf"))
			.body(pdf);
	}

	/** Starts making the report in the background; poll the Location for progress, then download. */
	@PostMapping("/api/v1/surveys/{id}/reports")
	@PreAuthorize(MANAGE)
	ResponseEntity<ReportJobs.Job> startReport(@PathVariable long id) {
		ReportJobs.Job job = reports.start(id);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/surveys/" + id + "/reports/" + job.id()))
			.body(job);
	}

	@GetMapping("/api/v1/surveys/{id}/reports/{job}")
	@PreAuthorize(MANAGE)
	ReportJobs.Job reportStatus(@PathVariable long id, @PathVariable String job) {
		return reports.job(id, job);
	}

	@GetMapping("/api/v1/surveys/{id}/reports/{job}/report.pdf")
	@PreAuthorize(MANAGE)
	ResponseEntity<byte[]> reportFile(@PathVariable long id, @PathVariable String job) {
		return ResponseEntity.ok()
			.header("Content-Type", "application/pdf")
			.header("Content-Disposition", Exports.attachment("survey-" + id + "-report.pdf"))
			.body(reports.file(id, job));
	}

	/** Without a CJK font the report cannot be typeset: say so plainly rather than print empty boxes. */
	@ExceptionHandler(ReportFontMissing.class)
	ResponseEntity<ProblemDetail> fontMissing(ReportFontMissing e) {
		ProblemDetail p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		p.setTitle("No CJK font installed");
		return Problems.response(p);
	}

	static @Nullable GroupBy groupBy(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return GroupBy.ofParam(value)
			.orElseThrow(() -> Invalid.field("groupBy", "one of region, type, size"));
	}

	/** The export endpoints of the API and of the back office share this. */
	static final class Exports {

		private Exports() {
		}

		static void write(Statistics statistics, ExportWriter exports, long id, String kind, @Nullable GroupBy groupBy,
				String format, HttpServletResponse response) throws IOException {
			Locale locale = LocaleContextHolder.getLocale();
			boolean raw = switch (kind) {
				case "raw" -> true;
				case "statistics" -> false;
				default -> throw Invalid.field("kind", "raw or statistics");
			};
			// who may have which kind is checked by the callers' @PreAuthorize
			SurveyStatistics s = raw ? null : statistics.of(id, groupBy);
			String name = "survey-" + id + (raw ? "-answers" : "-statistics") + "." + format;
			response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8"
					: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader("Content-Disposition", attachment(name));
			response.setHeader("Cache-Control", "private, no-store");
			OutputStream out = response.getOutputStream();
			if (raw && format.equals("csv")) {
				exports.rawCsv(id, locale, out);
			}
			else if (raw) {
				exports.rawXlsx(id, locale, out);
			}
			else if (format.equals("csv")) {
				exports.statisticsCsv(s, locale, out);
			}
			else {
				exports.statisticsXlsx(s, locale, out);
			}
			out.flush();
		}

		static String attachment(String filename) {
			return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
		}
	}
}
