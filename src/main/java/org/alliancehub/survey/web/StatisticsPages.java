package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;

import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.network.Alliances;
import org.alliancehub.web.Site;
import org.alliancehub.web.Sites;
import org.alliancehub.shared.NotFound;
import org.alliancehub.survey.GroupBy;
import org.alliancehub.survey.Statistics;
import org.alliancehub.survey.SurveyStatistics;
import org.alliancehub.survey.internal.ExportWriter;
import org.alliancehub.survey.internal.ReportJobs;
import org.alliancehub.survey.internal.StatisticSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics page of a survey with its charts (ECharts, served from the application): on the alliance's
 * site with the published figures, and in the back office with the internal figures, the raw exports and
 * the report for government made in the background with a progress bar. Also serves the map of China.
 */
@Controller
class StatisticsPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Statistics statistics;

	private final StatisticSource source;

	private final ExportWriter exports;

	private final ReportJobs reports;

	private final Alliances alliances;

	private final Sites sites;

	StatisticsPages(Statistics statistics, StatisticSource source, ExportWriter exports, ReportJobs reports,
			Alliances alliances, Sites sites) {
		this.statistics = statistics;
		this.source = source;
		this.exports = exports;
		this.reports = reports;
		this.alliances = alliances;
		this.sites = sites;
	}

	/** The published statistics of an alliance's surveys, linked from its site. */
	@GetMapping("/a/{slug}/surveys/statistics")
	@PreAuthorize("permitAll()")
	String list(Site site, Model model) {
		model.addAttribute("surveys", source.published(site.id()).stream().map(StatisticsViews.Listed::of).toList());
		return "survey/stats-list";
	}

	@GetMapping("/a/{slug}/surveys/{id}/statistics")
	@PreAuthorize(StatisticsApi.READ)
	String page(Site site, @PathVariable long id, @RequestParam(defaultValue = "region") String groupBy,
			Model model) {
		if (source.survey(id).allianceId() != site.id()) {
			throw new NotFound("survey " + id);
		}
		fill(id, groupBy, false, model);
		model.addAttribute("base", "/a/" + site.slug() + "/surveys/" + id);
		return "survey/stats-page";
	}

	@GetMapping("/admin/surveys/{id}/statistics")
	@PreAuthorize(StatisticsApi.MANAGE)
	String admin(@PathVariable long id, @RequestParam(defaultValue = "region") String groupBy, Model model) {
		fill(id, groupBy, true, model);
		// addressed by the survey's id: the page wears its alliance's frame
		model.addAttribute("frame", sites.frameOf(source.survey(id).allianceId()));
		model.addAttribute("base", "/admin/surveys/" + id);
		return "survey/stats-page";
	}

	private void fill(long id, String param, boolean admin, Model model) {
		GroupBy chosen = StatisticsApi.groupBy(param);
		GroupBy by = chosen == null ? GroupBy.REGION : chosen;
		Map<@Nullable GroupBy, SurveyStatistics> all = statistics.of(id, EnumSet.of(by, GroupBy.REGION, GroupBy.TYPE));
		SurveyStatistics main = all.get(by);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("main", main);
		data.put("region", all.get(GroupBy.REGION));
		data.put("type", all.get(GroupBy.TYPE));
		model.addAttribute("stats", main);
		model.addAttribute("admin", admin);
		model.addAttribute("groupings", List.of(GroupBy.values()));
		// embedded as JSON for the charts; every "<", ">" and "&" is written as a JSON escape, so that no label can
		// end the script element or open a comment ("<!--<script>") that swallows the rest of the page
		model.addAttribute("json", JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
			.replace("&", "\\u0026"));
	}

	/** Statistics for the public pages, everything for the secretariat (session sign-in, unlike the API). */
	@GetMapping({ "/a/{slug}/surveys/{id}/statistics.xlsx", "/a/{slug}/surveys/{id}/statistics.csv" })
	@PreAuthorize(StatisticsApi.READ)
	void publicExport(@PathVariable String slug, @PathVariable long id,
			@RequestParam(required = false) @Nullable String groupBy, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (source.survey(id).allianceId() != alliances.get(slug).id()) {
			throw new NotFound("survey " + id);
		}
		String format = request.getRequestURI().endsWith(".csv") ? "csv" : "xlsx";
		StatisticsApi.Exports.write(statistics, exports, id, "statistics", StatisticsApi.groupBy(groupBy), format,
				response);
	}

	@GetMapping({ "/admin/surveys/{id}/export.xlsx", "/admin/surveys/{id}/export.csv" })
	@PreAuthorize(StatisticsApi.EXPORT)
	void adminExport(@PathVariable long id, @RequestParam(defaultValue = "raw") String kind,
			@RequestParam(required = false) @Nullable String groupBy, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String format = request.getRequestURI().endsWith(".csv") ? "csv" : "xlsx";
		StatisticsApi.Exports.write(statistics, exports, id, kind, StatisticsApi.groupBy(groupBy), format, response);
	}

	/** Starts the report and answers the progress fragment, which polls itself until the PDF is ready. */
	@PostMapping("/admin/surveys/{id}/report")
	@PreAuthorize(StatisticsApi.MANAGE)
	String startReport(@PathVariable long id, Model model) {
		model.addAttribute("job", StatisticsViews.ReportProgress.of(reports.start(id)));
		return "survey/stats-progress";
	}

	@GetMapping("/admin/surveys/{id}/report/{job}")
	@PreAuthorize(StatisticsApi.MANAGE)
	String reportProgress(@PathVariable long id, @PathVariable String job, Model model) {
		model.addAttribute("job", StatisticsViews.ReportProgress.of(reports.job(id, job)));
		return "survey/stats-progress";
	}

	@GetMapping("/admin/surveys/{id}/report/{job}/report.pdf")
	@PreAuthorize(StatisticsApi.MANAGE)
	ResponseEntity<byte[]> reportFile(@PathVariable long id, @PathVariable String job) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", StatisticsApi.Exports.attachment("survey-" + id + "-report.pdf"))
			.body(reports.file(id, job));
	}

	/** The map of China (GeoJSON with GB/T 2260 feature ids, unpacked at build time), cached by browsers. */
	@GetMapping({ "/geo/china.json", "/geo/province/{name:[a-z]+}.json" })
	@ResponseBody
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> map(@PathVariable(required = false) @Nullable String name) throws IOException {
		ClassPathResource r = new ClassPathResource(name == null ? "geo/china.json" : "geo/province/" + name + ".json");
		if (!r.exists()) {
			throw new NotFound("map " + name);
		}
		try (InputStream in = r.getInputStream()) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
				.body(StreamUtils.copyToByteArray(in));
		}
	}
}
