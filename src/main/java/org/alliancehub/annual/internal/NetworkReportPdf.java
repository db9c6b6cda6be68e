package org.alliancehub.annual.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.alliancehub.annual.Activity;
import org.alliancehub.annual.ActivityRanking;
import org.alliancehub.annual.AnnualReports;
import org.alliancehub.annual.AnnualReports.AnnualReportView;
import org.alliancehub.annual.AnnualReports.Figure;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.BackgroundJobs;
import org.alliancehub.survey.Typesetting;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The network's annual report as PDF: a cover, the totals of the submitted reports with a chart, the
 * activity ranking's chart, then every submitted report with its figures and texts. The Chinese typesetting
 * and the charts are the statistics report's ({@link Typesetting}), reached through the survey module's face.
 */
@Component
public class NetworkReportPdf {

	private static final int CHARTED = 20;

	private final AnnualReports reports;

	private final Activity activity;

	private final Alliances alliances;

	private final Typesetting typesetting;

	private final MessageSource messages;

	NetworkReportPdf(AnnualReports reports, Activity activity, Alliances alliances, Typesetting typesetting,
			MessageSource messages) {
		this.reports = reports;
		this.activity = activity;
		this.alliances = alliances;
		this.typesetting = typesetting;
		this.messages = messages;
	}

	public byte[] render(int year, Locale locale, BackgroundJobs.Progress progress) {
		AnnualReports.NetworkReport r = reports.network(year);
		int total = r.reports().size() + 3;
		progress.step("figures", 0, total);
		StringBuilder h = new StringBuilder(32768);
		String network = alliances.network().map(a -> a.name()).orElse("");
		h.append("<!DOCTYPE html><html lang=\"").append(locale.toLanguageTag()).append("\"><head><meta charset=\"utf-8\"/>")
			.append("<title>").append(x(t("annual.network.title", locale, String.valueOf(year)))).append("</title><style>")
			.append("@page{size:A4;margin:18mm 16mm;@bottom-center{content:counter(page);font-family:cjk;font-size:9pt;}}")
			.append("body{font-family:cjk;font-size:10pt;line-height:1.6;color:#222;}")
			.append("h1{font-size:24pt;margin:0 0 8mm;}h2{font-size:15pt;margin:8mm 0 3mm;border-bottom:1px solid #999;}")
			.append("h3{font-size:12pt;margin:6mm 0 2mm;}.cover{page-break-after:always;padding-top:60mm;text-align:center;}")
			.append("table{width:100%;border-collapse:collapse;margin:2mm 0 4mm;}th,td{border:1px solid #bbb;padding:1mm 1.5mm;font-size:9pt;}")
			.append("td.n{text-align:right;}th{background:#eef1f6;}img{width:100%;}.report{page-break-before:always;}")
			.append(".text{white-space:pre-wrap;}</style></head><body>");
		h.append("<div class=\"cover\"><p>").append(x(network)).append("</p><h1>")
			.append(x(t("annual.network.title", locale, String.valueOf(year)))).append("</h1><p>")
			.append(x(t("annual.network.submitted", locale, r.submitted(), r.alliances()))).append("</p><p>")
			.append(x(t("report.generated", locale, LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())))
			.append("</p></div>");
		h.append("<h2>").append(x(t("annual.network.totals", locale))).append("</h2>");
		figureTable(h, r.totals(), locale);
		progress.step("charts", 1, total);
		List<Typesetting.Bar> totals = r.totals().stream().filter(f -> f.value() > 0 && !f.key().endsWith("Rate"))
			.map(f -> new Typesetting.Bar(f.label(), f.value())).toList();
		if (!totals.isEmpty()) {
			image(h, typesetting.barChart(t("annual.network.totals", locale), totals));
		}
		ActivityRanking ranking = activity.ranking(String.valueOf(year), null);
		List<Typesetting.Bar> scores = new ArrayList<>();
		for (ActivityRanking.Item it : ranking.items().subList(0, Math.min(CHARTED, ranking.items().size()))) {
			scores.add(new Typesetting.Bar(alliances.get(it.alliance()).displayShortName(), it.score()));
		}
		if (!scores.isEmpty()) {
			h.append("<h2>").append(x(t("activity.title", locale))).append("</h2>");
			image(h, typesetting.barChart(t("activity.chart.title", locale, String.valueOf(year), ranking.formula()), scores));
		}
		int done = 2;
		for (AnnualReportView v : r.reports()) {
			progress.step("reports", done++, total);
			h.append("<div class=\"report\"><h2>").append(x(v.allianceName())).append("</h2>");
			figureTable(h, v.figures(), locale);
			h.append("<h3>").append(x(t("annual.summary", locale))).append("</h3><div class=\"text\">").append(x(v.summary()))
				.append("</div><h3>").append(x(t("annual.plan", locale))).append("</h3><div class=\"text\">").append(x(v.plan()))
				.append("</div></div>");
		}
		h.append("</body></html>");
		progress.step("typesetting", done, total);
		byte[] pdf = typesetting.pdf(h.toString());
		progress.step("done", total, total);
		return pdf;
	}

	private void figureTable(StringBuilder h, List<Figure> figures, Locale locale) {
		h.append("<table><thead><tr><th>").append(x(t("annual.figure", locale))).append("</th><th>")
			.append(x(t("annual.value", locale))).append("</th></tr></thead><tbody>");
		for (Figure f : figures) {
			h.append("<tr><td>").append(x(f.label())).append("</td><td class=\"n\">").append(f.value()).append("</td></tr>");
		}
		h.append("</tbody></table>");
	}

	private static void image(StringBuilder h, byte[] png) {
		h.append("<div><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\"/></div>");
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
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						b.append(c);
					}
				}
			}
		}
		return b.toString();
	}
}
