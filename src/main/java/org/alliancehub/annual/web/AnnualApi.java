package org.alliancehub.annual.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.annual.AnnualReports;
import org.alliancehub.annual.AnnualReports.AnnualReportView;
import org.alliancehub.annual.AnnualReports.NetworkReport;
import org.alliancehub.annual.AnnualReports.ReportRequest;
import org.alliancehub.annual.internal.AnnualReminders;
import org.alliancehub.annual.internal.NetworkReportPdf;
import org.alliancehub.annual.internal.PdfJobs;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Problems;
import org.alliancehub.survey.Typesetting;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annual work reports: the network's requests, each alliance's report (its secretariat's only: to anyone
 * else it does not exist), and the network's compiled report as JSON and PDF (made while the caller waits,
 * or as a job with progress).
 */
@RestController
@Tag(name = "annual reports")
class AnnualApi {

	/** The network's year is run by the administrator and the network's own secretariat. */
	static final String NETWORK = "@access.canManageNetwork()";

	static final String READ = "@access.canRead('annual-report', @annualReports.allianceId(#slug))";

	static final String MANAGE = "@access.canManage('annual-report', @annualReports.allianceId(#slug))";

	private final AnnualReports reports;

	private final AnnualReminders reminders;

	private final NetworkReportPdf pdf;

	private final PdfJobs jobs;

	private final Access access;

	private final AgendaAttachments attachments;

	AnnualApi(AnnualReports reports, AnnualReminders reminders, NetworkReportPdf pdf, PdfJobs jobs, Access access,
			AgendaAttachments attachments) {
		this.attachments = attachments;
		this.reports = reports;
		this.reminders = reminders;
		this.pdf = pdf;
		this.jobs = jobs;
		this.access = access;
	}

	@PostMapping("/api/v1/report-requests")
	@PreAuthorize(NETWORK)
	@Operation(summary = "Ask every member alliance for its annual work report of a year, by a deadline")
	ResponseEntity<ReportRequest> request(@Valid @RequestBody AnnualReports.NewRequest r) {
		ReportRequest made = reports.request(r, access.requireUser().getUsername());
		return ResponseEntity.created(URI.create("/api/v1/report-requests/" + made.year())).body(made);
	}

	@GetMapping("/api/v1/report-requests")
	@PreAuthorize(NETWORK)
	List<ReportRequest> requests() {
		return reports.requests();
	}

	@GetMapping("/api/v1/report-requests/{year}")
	@PreAuthorize(NETWORK)
	@Operation(summary = "A request with where every alliance stands (not started, draft, submitted, reminders)")
	List<AnnualReports.StatusLine> status(@PathVariable int year) {
		return reports.status(year);
	}

	@PatchMapping("/api/v1/report-requests/{year}")
	@PreAuthorize(NETWORK)
	@Operation(summary = "Move the deadline")
	ReportRequest moveDeadline(@PathVariable int year, @Valid @RequestBody AnnualReports.RequestPatch p) {
		return reports.moveDeadline(year, p);
	}

	@PostMapping("/api/v1/report-requests/{year}/reminders")
	@PreAuthorize(NETWORK)
	@Operation(summary = "Remind by e-mail the secretariats that have not submitted")
	AnnualReminders.Sent remind(@PathVariable int year) {
		return reminders.remind(year);
	}

	@GetMapping("/api/v1/alliances/{slug}/annual-reports/{year}")
	@PreAuthorize(READ)
	@Operation(summary = "The alliance's report of a year: drafted from its records, each figure with its source")
	AnnualReportView report(@PathVariable String slug, @PathVariable int year) {
		return reports.report(slug, year);
	}

	@PatchMapping("/api/v1/alliances/{slug}/annual-reports/{year}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Edit the summary and plan (with the version read; 409 when stale, submitted or past the deadline)")
	AnnualReportView edit(@PathVariable String slug, @PathVariable int year, @Valid @RequestBody AnnualReports.ReportPatch p) {
		return reports.edit(slug, year, p);
	}

	@PostMapping("/api/v1/alliances/{slug}/annual-reports/{year}/submit")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Submit the report; it can no longer change (409 the second time)")
	AnnualReportView submit(@PathVariable String slug, @PathVariable int year) {
		return reports.submit(slug, year, access.requireUser().getUsername());
	}

	@GetMapping("/api/v1/network/annual-reports/{year}")
	@PreAuthorize(NETWORK)
	@Operation(summary = "The network's annual report compiled from the submitted reports")
	NetworkReport network(@PathVariable int year) {
		return reports.network(year);
	}

	@GetMapping("/api/v1/network/annual-reports/{year}.pdf")
	@PreAuthorize(NETWORK)
	@Operation(summary = "The network's annual report as PDF, made while the caller waits (large networks: use a job)")
	ResponseEntity<byte[]> networkPdf(@PathVariable int year) {
		reports.requestOf(year);
		byte[] file = pdf.render(year, LocaleContextHolder.getLocale(), (stage, done, total) -> {
		});
		return ResponseEntity.ok()
			.header("Content-Type", "application/pdf")
			.header("Content-Disposition", "attachment; filename=\"network-annual-report-" + year + ".pdf\"")
			.body(file);
	}

	/** Where the network's report goes on its council meeting's agenda. */
	record AgendaAttachment(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Positive Long meetingId,
			@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Positive Integer position) {
	}

	@PostMapping("/api/v1/network/annual-reports/{year}/agenda-documents")
	@PreAuthorize(NETWORK)
	@Operation(summary = "Attach the compiled report (its PDF) to an item of a meeting of the network, e.g. its council "
			+ "meeting's agenda item for the year's work; the meeting's participants find it there")
	ResponseEntity<org.alliancehub.governance.MeetingView.Document> attachToAgenda(@PathVariable int year,
			@jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody AgendaAttachment body) {
		var document = attachments.attach(year, body.meetingId(), body.position());
		return ResponseEntity.created(URI.create(document.url())).body(document);
	}

	@PostMapping("/api/v1/network/annual-reports/{year}/pdf-jobs")
	@PreAuthorize(NETWORK)
	@Operation(summary = "Start making the PDF in the background; poll the Location for its progress")
	ResponseEntity<PdfJobs.Job> startPdf(@PathVariable int year) {
		reports.requestOf(year);
		PdfJobs.Job job = jobs.start(year);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/network/annual-reports/" + year + "/pdf-jobs/" + job.id()))
			.body(job);
	}

	@GetMapping("/api/v1/network/annual-reports/{year}/pdf-jobs/{job}")
	@PreAuthorize(NETWORK)
	PdfJobs.Job pdfJob(@PathVariable int year, @PathVariable String job) {
		return jobs.job(year, job);
	}

	@GetMapping("/api/v1/network/annual-reports/{year}/pdf-jobs/{job}/report.pdf")
	@PreAuthorize(NETWORK)
	ResponseEntity<byte[]> pdfFile(@PathVariable int year, @PathVariable String job) {
		return ResponseEntity.ok()
			.header("Content-Type", "application/pdf")
			.header("Content-Disposition", "attachment; filename=\"network-annual-report-" + year + ".pdf\"")
			.body(jobs.file(year, job));
	}

	/** Without a CJK font the report cannot be typeset: say so plainly rather than print empty boxes. */
	@ExceptionHandler(Typesetting.FontMissing.class)
	ResponseEntity<ProblemDetail> fontMissing(Typesetting.FontMissing e) {
		ProblemDetail p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		p.setTitle("No CJK font installed");
		return Problems.response(p);
	}
}
