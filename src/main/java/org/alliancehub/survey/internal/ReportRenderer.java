package org.alliancehub.survey.internal;

import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.BackgroundJobs;
import org.alliancehub.survey.GroupBy;
import org.alliancehub.survey.Statistics;
import org.alliancehub.survey.SurveyStatistics;
import org.alliancehub.survey.SurveyStatistics.FieldFigures;
import org.alliancehub.survey.SurveyStatistics.Group;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report for government: a cover, a summary with the response rate, the table of every numeric field,
 * bar charts and the breakdowns by province, organisation type and size class, typeset in Chinese with
 * openhtmltopdf. It holds only the suppressed (published) figures, whoever makes it.
 */
@Component
public class ReportRenderer {

	private static final int CHARTED_FIELDS = 6;

	private final Statistics statistics;

	private final Alliances alliances;

	private final MessageSource messages;

	ReportRenderer(Statistics statistics, Alliances alliances, MessageSource messages) {
		this.statistics = statistics;
		this.alliances = alliances;
		this.messages = messages;
	}

	public byte[] render(long surveyId, Locale locale, BackgroundJobs.Progress progress) {
		File fontFile = ReportFont.find();
		int total = 4;
		progress.step("statistics", 0, total);
		var all = statistics.published(surveyId, java.util.EnumSet.allOf(GroupBy.class));
		SurveyStatistics byRegion = all.get(GroupBy.REGION);
		SurveyStatistics byType = all.get(GroupBy.TYPE);
		SurveyStatistics bySize = all.get(GroupBy.SIZE);
		progress.step("charts", 1, total);
		Font chartFont = ReportFont.forCharts(fontFile);
		String html = html(byRegion, byType, bySize, chartFont, locale);
		progress.step("typesetting", 2, total);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument doc = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(doc);
			builder.useFont(new PDFontSupplier(ReportFont.forPdf(doc, fontFile)), "cjk");
			builder.withHtmlContent(html, null);
			builder.withProducer("AllianceHub");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		progress.step("done", total, total);
		return out.toByteArray();
	}

	String html(SurveyStatistics s, SurveyStatistics byType, SurveyStatistics bySize, Font chartFont, Locale locale) {
		StringBuilder h = new StringBuilder(16384);
		h.append("<!DOCTYPE html><html lang=\"").append(locale.toLanguageTag()).append("\"><head><meta charset=\"utf-8\"/>")
			.append("<title>").append(x(s.title())).append("</title><style>")
			.append("@page{size:A4;margin:18mm 16mm;@bottom-center{content:counter(page);font-family:cjk;font-size:9pt;}}")
			.append("body{font-family:cjk;font-size:10pt;line-height:1.5;color:#222;}")
			.append("h1{font-size:24pt;margin:0 0 8mm;}h2{font-size:15pt;margin:8mm 0 3mm;border-bottom:1px solid #999;}")
			.append(".cover{page-break-after:always;padding-top:60mm;text-align:center;}.cover p{font-size:13pt;}")
			.append("table{width:100%;border-collapse:collapse;margin:2mm 0 4mm;-fs-table-paginate:paginate;}")
			.append("th,td{border:1px solid #bbb;padding:1mm 1.5mm;font-size:8.5pt;}td.n{text-align:right;}")
			.append("th{background:#eef1f6;}img{width:100%;}.note{font-size:9pt;color:#555;}.chart{page-break-inside:avoid;}")
			.append("</style></head><body>");
		String alliance = alliances.get(s.allianceId()).name();
		h.append("<div class=\"cover\"><p>").append(x(alliance)).append("</p><h1>").append(x(s.title())).append("</h1><p>")
			.append(x(t("report.cover.subtitle", locale))).append("</p><p>").append(x(t("report.period", locale)))
			.append("：").append(x(s.period())).append("</p><p>")
			.append(x(t("report.generated", locale, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())))
			.append("</p></div>");

		h.append("<h2>").append(x(t("report.summary", locale))).append("</h2><p>")
			.append(x(t("report.summary.text", locale, s.recipients(), s.respondents(),
					s.responseRate() == null ? "—" : ExportWriter.plainRounded(s.responseRate() * 100) + "%")))
			.append("</p><p class=\"note\">").append(x(t("stats.published", locale, SurveyStatistics.MINIMUM_CELL)))
			.append("</p>");

		h.append("<h2>").append(x(t("report.fields", locale))).append("</h2>");
		fieldTable(h, s.fields(), locale, true);

		h.append("<h2>").append(x(t("report.charts", locale))).append("</h2>");
		int charted = 0;
		for (FieldFigures f : s.fields()) {
			if (charted == CHARTED_FIELDS || f.suppressed() || f.sum() == null) {
				continue;
			}
			List<ReportCharts.Bar> bars = new ArrayList<>();
			for (Group g : s.groups()) {
				FieldFigures gf = figures(g, f.key());
				if (gf != null && gf.sum() != null) {
					bars.add(new ReportCharts.Bar(g.label(), gf.sum()));
				}
			}
			if (bars.isEmpty()) {
				continue;
			}
			charted++;
			String title = t("report.chart.sumByRegion", locale, f.label()) + (f.unit() == null ? "" : "（" + f.unit() + "）");
			image(h, ReportCharts.bars(title, bars, chartFont));
		}
		List<ReportCharts.Bar> types = new ArrayList<>();
		for (Group g : byType.groups()) {
			if (!g.suppressed() && g.respondents() != null) {
				types.add(new ReportCharts.Bar(g.label(), g.respondents()));
			}
		}
		if (!types.isEmpty()) {
			image(h, ReportCharts.bars(t("report.chart.respondentsByType", locale), types, chartFont));
		}

		for (SurveyStatistics b : List.of(s, byType, bySize)) {
			if (b.groups().isEmpty()) {
				continue;
			}
			h.append("<h2>").append(x(t("report.breakdown." + b.groupBy().param(), locale))).append("</h2>");
			for (Group g : b.groups()) {
				h.append("<h3>").append(x(g.label()));
				if (g.suppressed()) {
					h.append("</h3><p class=\"note\">").append(x(t("stats.suppressed", locale))).append("</p>");
					continue;
				}
				h.append(" · ").append(x(t("stats.respondents", locale))).append(" ").append(g.respondents())
					.append("</h3>");
				fieldTable(h, g.fields(), locale, false);
			}
		}
		h.append("<p class=\"note\">").append(x(t("report.method", locale))).append("</p>");
		h.append("</body></html>");
		return h.toString();
	}

	private static @Nullable FieldFigures figures(Group g, String key) {
		if (g.fields() == null) {
			return null;
		}
		return g.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
	}

	private void fieldTable(StringBuilder h, @Nullable List<FieldFigures> fields, Locale locale, boolean growth) {
		if (fields == null) {
			return;
		}
		h.append("<table><thead><tr><th>").append(x(t("stats.column.field", locale))).append("</th>");
		for (String c : List.of("count", "sum", "mean", "median", "q1", "q3", "min", "max")) {
			h.append("<th>").append(x(t("stats.column." + c, locale))).append("</th>");
		}
		if (growth) {
			h.append("<th>").append(x(t("stats.column.growthSum", locale))).append("</th>");
		}
		h.append("</tr></thead><tbody>");
		for (FieldFigures f : fields) {
			h.append("<tr><td>").append(x(f.label())).append(f.unit() == null ? "" : "（" + x(f.unit()) + "）").append("</td>");
			if (f.suppressed()) {
				h.append("<td colspan=\"").append(growth ? 9 : 8).append("\">").append(x(t("stats.suppressed", locale)))
					.append("</td></tr>");
				continue;
			}
			for (Number v : new Number[] { f.count(), f.sum(), f.mean(), f.median(), f.q1(), f.q3(), f.min(), f.max() }) {
				h.append("<td class=\"n\">").append(v == null ? "—" : ExportWriter.plainRounded(v.doubleValue())).append("</td>");
			}
			if (growth) {
				Double g = f.growth() == null ? null : f.growth().sum();
				h.append("<td class=\"n\">").append(g == null ? "—" : ExportWriter.plainRounded(g * 100) + "%").append("</td>");
			}
			h.append("</tr>");
		}
		h.append("</tbody></table>");
	}

	private static void image(StringBuilder h, byte[] png) {
		h.append("<div class=\"chart\"><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
			.append("\"/></div>");
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	static String x(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}
}
