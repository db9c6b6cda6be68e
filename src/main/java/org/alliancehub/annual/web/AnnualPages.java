package org.alliancehub.annual.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancehub.annual.Activity;
import org.alliancehub.annual.ActivityRanking;
import org.alliancehub.annual.AnnualReports;
import org.alliancehub.annual.Formula;
import org.alliancehub.annual.internal.AnnualReminders;
import org.alliancehub.annual.internal.PdfJobs;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of the network's year: the published formula (public); the network's requests, the state of each
 * alliance, the compiled report with its PDF (made with progress) and the activity dashboard; an alliance
 * secretariat's report (figures linked to their sources, edit, submit) and its activity with advice.
 */
@Controller
class AnnualPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final AnnualReports reports;

	private final Activity activity;

	private final AnnualReminders reminders;

	private final PdfJobs jobs;

	private final Alliances alliances;

	private final Access access;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final AgendaAttachments attachments;

	AnnualPages(AnnualReports reports, Activity activity, AnnualReminders reminders, PdfJobs jobs, Alliances alliances,
			Access access, MessageSource messages, java.time.Clock clock, AgendaAttachments attachments) {
		this.attachments = attachments;
		this.reports = reports;
		this.activity = activity;
		this.reminders = reminders;
		this.jobs = jobs;
		this.alliances = alliances;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- public: the formula

	@GetMapping("/activity/formula")
	@PreAuthorize("permitAll()")
	String formula(@RequestParam(required = false) @Nullable Integer version, Model model) {
		Formula f = activity.formula(version);
		model.addAttribute("formula", f);
		model.addAttribute("lines", lines(f));
		model.addAttribute("versions", activity.formulas().stream().map(Formula::version).toList());
		return "annual/formula";
	}

	private List<FormulaLine> lines(Formula f) {
		return f.indicators().stream().map(i -> new FormulaLine(i.key(), label(i.key()), i.weight(), i.cap())).toList();
	}

	// ---- the network

	@GetMapping("/admin/annual")
	@PreAuthorize(AnnualApi.NETWORK)
	String requests(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("requests", reports.requests());
		model.addAttribute("error", error);
		model.addAttribute("nextYear", OffsetDateTime.now(clock).getYear());
		return "annual/admin-requests";
	}

	@PostMapping("/admin/annual/requests")
	@PreAuthorize(AnnualApi.NETWORK)
	String request(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String deadline,
			RedirectAttributes redirect) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		Integer y = null;
		try {
			y = Integer.valueOf(year.strip());
			if (y < 2000 || y > 2100) {
				errors.add(new Invalid.FieldError("year", "2000–2100"));
			}
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError("year", "2000–2100"));
		}
		OffsetDateTime d = null;
		try {
			d = LocalDateTime.parse(deadline.strip()).atZone(BEIJING).toOffsetDateTime();
		}
		catch (DateTimeParseException e) {
			errors.add(new Invalid.FieldError("deadline", "YYYY-MM-DDTHH:MM"));
		}
		try {
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
			reports.request(new AnnualReports.NewRequest(y, d), access.requireUser().getUsername());
			return "redirect:/admin/annual/" + y;
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/annual";
	}

	@GetMapping("/admin/annual/{year}")
	@PreAuthorize(AnnualApi.NETWORK)
	String network(@PathVariable int year, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String notice, @RequestParam(required = false) @Nullable String job,
			Model model) {
		model.addAttribute("request", reports.requestOf(year));
		model.addAttribute("report", reports.network(year));
		model.addAttribute("error", error);
		model.addAttribute("notice", notice);
		model.addAttribute("meetings", attachments.choices());
		pdfState(year, job, model);
		return "annual/admin-network";
	}

	/**
	 * The compiled report attached to an agenda item of one of the network's meetings: {@code item} is
	 * {@code <meeting id>:<item position>} as the form's choice sends it.
	 */
	@PostMapping("/admin/annual/{year}/agenda-documents")
	@PreAuthorize(AnnualApi.NETWORK)
	String attachToAgenda(@PathVariable int year, @RequestParam(required = false) @Nullable String item,
			RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		String[] parts = item == null ? new String[0] : item.split(":");
		if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
			redirect.addAttribute("error", messages.getMessage("annual.agenda.choose", null, locale));
			return "redirect:/admin/annual/" + year + "#agenda";
		}
		try {
			var document = attachments.attach(year, Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
			redirect.addAttribute("notice", messages.getMessage("annual.agenda.attached",
					new Object[] { document.filename(), parts[1] }, locale));
		}
		catch (Invalid e) {
			redirect.addAttribute("error", messages.getMessage("annual.agenda.refused", new Object[] { describe(e) }, locale));
		}
		return "redirect:/admin/annual/" + year + "#agenda";
	}

	@PostMapping("/admin/annual/{year}/reminders")
	@PreAuthorize(AnnualApi.NETWORK)
	String remind(@PathVariable int year, RedirectAttributes redirect) {
		try {
			AnnualReminders.Sent sent = reminders.remind(year);
			redirect.addAttribute("notice", messages.getMessage("annual.reminded",
					new Object[] { sent.emails(), sent.alliances() }, LocaleContextHolder.getLocale()));
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/annual/" + year;
	}

	@PostMapping("/admin/annual/{year}/pdf")
	@PreAuthorize(AnnualApi.NETWORK)
	String startPdf(@PathVariable int year, RedirectAttributes redirect) {
		reports.requestOf(year);
		redirect.addAttribute("job", jobs.start(year).id());
		return "redirect:/admin/annual/" + year;
	}

	/** The progress fragment the page polls while the PDF is made. */
	@GetMapping("/admin/annual/{year}/pdf/{job}")
	@PreAuthorize(AnnualApi.NETWORK)
	String pdfProgress(@PathVariable int year, @PathVariable String job, Model model) {
		pdfState(year, job, model);
		return "annual/pdf-progress";
	}

	private void pdfState(int year, @Nullable String job, Model model) {
		PdfJobs.Job j = null;
		if (job != null) {
			try {
				j = jobs.job(year, job);
			}
			catch (NotFound e) {
				j = null;
			}
		}
		model.addAttribute("year", year);
		model.addAttribute("job", j == null ? null : j.id());
		model.addAttribute("running", j != null && "RUNNING".equals(j.state()));
		model.addAttribute("done", j != null && "DONE".equals(j.state()));
		model.addAttribute("percent", j == null ? 0 : j.percent());
		model.addAttribute("pdfError", j == null ? null : j.error());
	}

	@GetMapping("/admin/activity")
	@PreAuthorize(AnnualApi.NETWORK)
	String dashboard(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Integer formula, Model model) {
		int year = period == null || period.isBlank() ? OffsetDateTime.now(clock).getYear() : Activity.year(period);
		Formula f = activity.formula(formula);
		List<Alliance> all = alliances.list();
		ActivityRanking now = activity.ranking(year, f, all);
		ActivityRanking before = activity.ranking(year - 1, f, all);
		Map<String, Double> previous = new HashMap<>();
		before.items().forEach(i -> previous.put(i.alliance(), i.score()));
		Map<String, String> names = new HashMap<>();
		all.forEach(a -> names.put(a.slug(), a.displayShortName()));
		List<ActivityRow> rows = new ArrayList<>();
		for (ActivityRanking.Item i : now.items()) {
			Double p = previous.get(i.alliance());
			Double change = p == null ? null : Math.round((i.score() - p) * 100) / 100.0;
			rows.add(new ActivityRow(i.alliance(), names.getOrDefault(i.alliance(), i.alliance()), i.score(), i.rank(), p, change,
					change != null && change > 0, change != null && change < 0, i.indicators()));
		}
		model.addAttribute("year", year);
		model.addAttribute("formula", f);
		model.addAttribute("lines", lines(f));
		model.addAttribute("versions", activity.formulas().stream().map(Formula::version).toList());
		model.addAttribute("rows", rows);
		model.addAttribute("chart", chart(rows, f));
		return "annual/admin-activity";
	}

	/** The data of the breakdown chart: alliances (best first, at most 30) and their points by indicator. */
	private String chart(List<ActivityRow> rows, Formula f) {
		List<ActivityRow> shown = rows.subList(0, Math.min(30, rows.size()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("alliances", shown.stream().map(ActivityRow::name).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (int n = 0; n < f.indicators().size(); n++) {
			int k = n;
			series.add(Map.of("name", label(f.indicators().get(n).key()), "data",
					shown.stream().map(r -> r.indicators().get(k).points()).toList()));
		}
		data.put("series", series);
		return JSON.writeValueAsString(data).replace("</", "<\\/");
	}

	// ---- an alliance's secretariat

	@GetMapping("/admin/a/{slug}/annual-reports")
	@PreAuthorize("@access.canManage(#site.id())")
	String mine(Site site, Model model) {
		if (site.isNetwork()) {
			throw new NotFound("annual reports of the network itself");
		}
		List<AnnualReports.AnnualReportView> mine = new ArrayList<>();
		for (AnnualReports.ReportRequest r : reports.requests()) {
			mine.add(reports.report(site.slug(), r.year()));
		}
		model.addAttribute("reports", mine);
		return "annual/admin-mine";
	}

	@GetMapping("/admin/a/{slug}/annual-reports/{year}")
	@PreAuthorize("@access.canManage(#site.id())")
	String report(Site site, @PathVariable int year, @RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("report", reports.report(site.slug(), year));
		model.addAttribute("error", error);
		Formula f = activity.formula(null);
		ActivityRanking ranking = activity.ranking(year, f, alliances.list());
		ActivityRanking.Item item = ranking.items().stream().filter(i -> i.alliance().equals(site.slug())).findFirst()
			.orElseThrow(() -> new NotFound("alliance " + site.slug()));
		model.addAttribute("score", item);
		model.addAttribute("maximum", f.maximum());
		model.addAttribute("formulaVersion", f.version());
		Map<String, String> labels = new HashMap<>();
		f.indicators().forEach(i -> labels.put(i.key(), label(i.key())));
		model.addAttribute("labels", labels);
		model.addAttribute("advice", activity.advice(ranking, f, site.slug()).stream()
			.map(a -> new AdviceLine(label(a.key()), a.pointsPerUnit(), a.pointsLeft(), a.value(), a.divisor()))
			.toList());
		return "annual/admin-report";
	}

	@PostMapping("/admin/a/{slug}/annual-reports/{year}")
	@PreAuthorize("@access.canManage(#site.id())")
	String save(Site site, @PathVariable int year, @RequestParam(defaultValue = "") String summary,
			@RequestParam(defaultValue = "") String plan, @RequestParam(defaultValue = "-1") long version,
			RedirectAttributes redirect) {
		return act(site, year, redirect, () -> {
			if (summary.length() > 20000 || plan.length() > 20000) {
				throw Invalid.field(summary.length() > 20000 ? "summary" : "plan", "at most 20000 characters");
			}
			reports.edit(site.slug(), year, new AnnualReports.ReportPatch(summary, plan, version));
		});
	}

	@PostMapping("/admin/a/{slug}/annual-reports/{year}/submit")
	@PreAuthorize("@access.canManage(#site.id())")
	String submit(Site site, @PathVariable int year, RedirectAttributes redirect) {
		return act(site, year, redirect, () -> reports.submit(site.slug(), year, access.requireUser().getUsername()));
	}

	private String act(Site site, int year, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/annual-reports/" + year;
	}

	private String label(String key) {
		return messages.getMessage("activity.fact." + key, null, key, LocaleContextHolder.getLocale());
	}

	private static String describe(Invalid e) {
		StringBuilder b = new StringBuilder();
		for (Invalid.FieldError f : e.errors()) {
			if (!b.isEmpty()) {
				b.append("; ");
			}
			b.append(f.field()).append(": ").append(f.message());
		}
		return b.toString();
	}

}
