package org.alliancehub.annual;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.ActivityFacts.Fact;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annual work reports (年度工作总结与计划): the network requests them for a year with a deadline; every
 * member alliance then has a draft made from its own records of the year (each figure with the page it comes
 * from), which its secretariat edits and submits once, before the deadline; the network compiles the
 * submitted reports into its own annual report. A draft's figures are read live until it is submitted, then
 * kept as they were.
 */
@Service
public class AnnualReports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Activity activity;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnnualReports(JdbcClient jdbc, Alliances alliances, Activity activity, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.activity = activity;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** The network's request, as created. */
	public record NewRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Future OffsetDateTime deadline) {
	}

	/** A later (or earlier) deadline for a request. */
	public record RequestPatch(@NotNull @Future OffsetDateTime deadline) {
	}

	/** The secretariat's edit: the texts to change and the version it read. */
	public record ReportPatch(@Nullable @Size(max = 20000) String summary, @Nullable @Size(max = 20000) String plan,
			@NotNull @Min(0) Long version) {
	}

	/** A request with how far the alliances have come. */
	public record ReportRequest(int year, OffsetDateTime deadline, int alliances, int submitted, boolean open) {
	}

	/** A figure of a report: what, how much, and the page it comes from. */
	public record Figure(String key, String label, long value, String source) {
	}

	/** An alliance's report of a year, draft or submitted. */
	public record AnnualReportView(String alliance, String allianceName, int year, OffsetDateTime deadline, String status,
			boolean submitted, boolean editable, String summary, String plan, long version, List<Figure> figures,
			@Nullable OffsetDateTime submittedAt) {
	}

	/** Where an alliance stands with its report. */
	public record StatusLine(String alliance, String allianceName, String status, @Nullable OffsetDateTime submittedAt,
			int reminders) {
	}

	/** The network's annual report: totals over the submitted reports, each report, and who has not submitted. */
	public record NetworkReport(int year, OffsetDateTime deadline, int alliances, int submitted, List<Figure> totals,
			List<AnnualReportView> reports, List<StatusLine> status) {
	}

	/** The id of the alliance a slug names, for the access policy ({@code annual-report} objects are alliances). */
	public long allianceId(String slug) {
		return alliances.find(slug).filter(a -> !a.isNetwork()).map(Alliance::id).orElseThrow(() -> new NotFound("alliance " + slug));
	}

	// ---- requests

	@Transactional
	public ReportRequest request(NewRequest r, String by) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (!r.deadline().toInstant().isAfter(clock.instant())) {
			errors.add(new Invalid.FieldError("deadline", "must be in the future"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		int made = jdbc.sql("insert into annual_report_request (year, deadline, requested_by) values (?, ?, ?) on conflict do nothing")
			.params(r.year(), r.deadline(), by)
			.update();
		if (made == 0) {
			throw new Conflict("reports of " + r.year() + " are already requested");
		}
		events.publishEvent(new AnnualEvents.ReportsRequested(r.year(), null, "annual reports of " + r.year() + " requested"));
		return requestOf(r.year());
	}

	@Transactional
	public ReportRequest moveDeadline(int year, RequestPatch p) {
		if (!p.deadline().toInstant().isAfter(clock.instant())) {
			throw Invalid.field("deadline", "must be in the future");
		}
		if (jdbc.sql("update annual_report_request set deadline = ? where year = ?").params(p.deadline(), year).update() == 0) {
			throw new NotFound("report request " + year);
		}
		return requestOf(year);
	}

	public List<ReportRequest> requests() {
		List<Integer> years = jdbc.sql("select year from annual_report_request order by year desc").query(Integer.class).list();
		return years.stream().map(this::requestOf).toList();
	}

	public ReportRequest requestOf(int year) {
		OffsetDateTime deadline = deadline(year);
		int all = alliances.list().size();
		int submitted = jdbc.sql("select count(*) from annual_report where year = ? and status = 'SUBMITTED'").param(year)
			.query(Integer.class).single();
		return new ReportRequest(year, deadline, all, submitted, deadline.toInstant().isAfter(clock.instant()));
	}

	private OffsetDateTime deadline(int year) {
		return jdbc.sql("select deadline from annual_report_request where year = ?").param(year)
			.query(OffsetDateTime.class).optional().orElseThrow(() -> new NotFound("report request " + year));
	}

	// ---- an alliance's report

	private record Row(String summary, String plan, String status, @Nullable String figures, long version,
			@Nullable OffsetDateTime submittedAt) {
	}

	private @Nullable Row row(long allianceId, int year, boolean lock) {
		return jdbc.sql("select summary, plan, status, figures::text, version, submitted_at from annual_report where alliance_id = ? and year = ?"
				+ (lock ? " for update" : ""))
			.params(allianceId, year)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					rs.getObject(6, OffsetDateTime.class)))
			.optional()
			.orElse(null);
	}

	/** The report of an alliance for a year: its draft (made from its records) or what it submitted. */
	public AnnualReportView report(String slug, int year) {
		Alliance a = alliances.get(slug);
		OffsetDateTime deadline = deadline(year);
		return view(a, year, deadline, row(a.id(), year, false), null);
	}

	private AnnualReportView view(Alliance a, int year, OffsetDateTime deadline, @Nullable Row row,
			@Nullable Map<String, Fact> liveFacts) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Figure> figures;
		if (row != null && row.figures() != null) {
			figures = stored(row.figures(), locale);
		}
		else {
			Map<String, Fact> facts = liveFacts != null ? liveFacts : activity.facts(List.of(a.id()), year).getOrDefault(a.id(), Map.of());
			figures = figures(a, facts, locale);
		}
		boolean submitted = row != null && "SUBMITTED".equals(row.status());
		boolean open = deadline.toInstant().isAfter(clock.instant());
		String summary = row == null || row.summary().isEmpty() ? drafted(year, figures, locale) : row.summary();
		return new AnnualReportView(a.slug(), a.name(), year, deadline, submitted ? "SUBMITTED" : "DRAFT", submitted,
				!submitted && open, summary, row == null ? "" : row.plan(), row == null ? 0 : row.version(), figures,
				row == null ? null : row.submittedAt());
	}

	/** Every key the modules answer, with 0 where there was nothing, each linked to its source page. */
	private List<Figure> figures(Alliance a, Map<String, Fact> facts, Locale locale) {
		List<Figure> figures = new ArrayList<>();
		for (var kind : activity.kinds().entrySet()) {
			String key = kind.getKey();
			Fact f = facts.get(key);
			String source = f != null ? f.source() : kind.getValue();
			figures.add(new Figure(key, label(key, locale), f == null ? 0 : f.value(), source.replace("{slug}", a.slug())));
		}
		return figures;
	}

	private List<Figure> stored(String json, Locale locale) {
		List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
		return raw.stream().map(m -> new Figure((String) m.get("key"), label((String) m.get("key"), locale),
				((Number) m.get("value")).longValue(), (String) m.get("source"))).toList();
	}

	private String label(String key, Locale locale) {
		return messages.getMessage("activity.fact." + key, null, key, locale);
	}

	private String drafted(int year, List<Figure> figures, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (Figure f : figures) {
			if (f.value() > 0) {
				parts.add(messages.getMessage("annual.draft.item", new Object[] { f.label(), String.valueOf(f.value()) }, locale));
			}
		}
		String list = parts.isEmpty() ? messages.getMessage("annual.draft.nothing", null, locale)
				: String.join(messages.getMessage("annual.draft.separator", null, locale), parts);
		return messages.getMessage("annual.draft.summary", new Object[] { String.valueOf(year), list }, locale);
	}

	/** Changes the texts of a draft; 409 when it is submitted, past its deadline, or the version is stale. */
	@Transactional
	public AnnualReportView edit(String slug, int year, ReportPatch p) {
		Alliance a = alliances.get(slug);
		OffsetDateTime deadline = deadline(year);
		Row row = row(a.id(), year, true);
		open(row, deadline);
		long current = row == null ? 0 : row.version();
		if (p.version() != current) {
			throw Conflict.staleVersion("annual report");
		}
		if (row == null) {
			int made = jdbc.sql("""
					insert into annual_report (alliance_id, year, summary, plan, version) values (?, ?, ?, ?, 1)
					on conflict do nothing""")
				.params(a.id(), year, p.summary() == null ? "" : p.summary(), p.plan() == null ? "" : p.plan())
				.update();
			if (made == 0) {
				throw Conflict.staleVersion("annual report");
			}
		}
		else {
			jdbc.sql("""
					update annual_report set summary = coalesce(?, summary), plan = coalesce(?, plan), version = version + 1,
					updated_at = now() where alliance_id = ? and year = ?""")
				.params(p.summary(), p.plan(), a.id(), year)
				.update();
		}
		return report(slug, year);
	}

	/** Submits the report: its figures are kept as they are now and it can no longer change. */
	@Transactional
	public AnnualReportView submit(String slug, int year, String by) {
		Alliance a = alliances.get(slug);
		OffsetDateTime deadline = deadline(year);
		Row row = row(a.id(), year, true);
		open(row, deadline);
		AnnualReportView draft = view(a, year, deadline, row, null);
		List<Map<String, Object>> frozen = draft.figures().stream()
			.map(f -> Map.<String, Object>of("key", f.key(), "value", f.value(), "source", f.source()))
			.toList();
		String figures = JSON.writeValueAsString(frozen);
		if (row == null) {
			jdbc.sql("""
					insert into annual_report (alliance_id, year, summary, status, figures, submitted_at, submitted_by, version)
					values (?, ?, ?, 'SUBMITTED', ?::jsonb, now(), ?, 1)""")
				.params(a.id(), year, draft.summary(), figures, by)
				.update();
		}
		else {
			jdbc.sql("""
					update annual_report set status = 'SUBMITTED', figures = ?::jsonb, summary = ?, submitted_at = now(),
					submitted_by = ?, version = version + 1, updated_at = now() where alliance_id = ? and year = ?""")
				.params(figures, draft.summary(), by, a.id(), year)
				.update();
		}
		events.publishEvent(new AnnualEvents.ReportSubmitted(year, a.id(), a.name() + " submitted its report of " + year));
		return report(slug, year);
	}

	private void open(@Nullable Row row, OffsetDateTime deadline) {
		if (row != null && "SUBMITTED".equals(row.status())) {
			throw new Conflict("the report is submitted and can no longer change");
		}
		if (!deadline.toInstant().isAfter(clock.instant())) {
			throw new Conflict("the deadline has passed; the network may move it");
		}
	}

	// ---- the network

	/** Where every alliance stands with its report of a year. */
	public List<StatusLine> status(int year) {
		deadline(year);
		record S(String status, @Nullable OffsetDateTime at, int reminders) {
		}
		Map<Long, S> rows = new HashMap<>();
		jdbc.sql("select alliance_id, status, submitted_at, reminders from annual_report where year = ?").param(year)
			.query((rs, i) -> rows.put(rs.getLong(1), new S(rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4))))
			.list();
		return alliances.list().stream().map(a -> {
			S s = rows.get(a.id());
			return new StatusLine(a.slug(), a.name(), s == null ? "NOT_STARTED" : s.status(), s == null ? null : s.at(),
					s == null ? 0 : s.reminders());
		}).toList();
	}

	/** The network's report of a year compiled from the submitted reports. */
	public NetworkReport network(int year) {
		OffsetDateTime deadline = deadline(year);
		List<Alliance> all = alliances.list();
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				select alliance_id, summary, plan, status, figures::text, version, submitted_at from annual_report
				where year = ? and status = 'SUBMITTED'""").param(year)
			.query((rs, i) -> rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getObject(7, OffsetDateTime.class))))
			.list();
		Locale locale = LocaleContextHolder.getLocale();
		List<AnnualReportView> reports = new ArrayList<>();
		Map<String, Long> totals = new java.util.LinkedHashMap<>();
		for (Alliance a : all) {
			Row r = rows.get(a.id());
			if (r == null) {
				continue;
			}
			AnnualReportView v = view(a, year, deadline, r, Map.of());
			reports.add(v);
			v.figures().forEach(f -> totals.merge(f.key(), f.value(), Long::sum));
		}
		// counts add up; a rate (a percentage) is the mean over the reports
		int n = Math.max(1, reports.size());
		List<Figure> sum = totals.entrySet().stream()
			.map(e -> new Figure(e.getKey(), label(e.getKey(), locale),
					e.getKey().endsWith("Rate") ? Math.round((double) e.getValue() / n) : e.getValue(),
					"/api/v1/network/annual-reports/" + year))
			.toList();
		return new NetworkReport(year, deadline, all.size(), reports.size(), sum, reports, status(year));
	}
}
