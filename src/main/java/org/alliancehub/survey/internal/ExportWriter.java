package org.alliancehub.survey.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alliancehub.shared.Regions;
import org.alliancehub.survey.SurveyStatistics;
import org.alliancehub.survey.SurveyStatistics.FieldFigures;
import org.alliancehub.survey.SurveyStatistics.Group;
import org.alliancehub.survey.internal.StatisticSource.AnyField;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Statistics and raw answers as spreadsheets (.xlsx) and CSV (Apache Commons CSV, UTF-8 with a byte order
 * mark so that Excel reads the Chinese right; texts that would run as formulas are neutralised). Raw answers stream from a database cursor into a streaming workbook that keeps
 * only a window of rows in memory; statistics are small and built whole.
 */
@Component
public class ExportWriter {

	/** RFC 4180: comma, double quotes where needed, CRLF. */
	private static final CSVFormat CSV = CSVFormat.RFC4180;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final List<String> FIGURES = List.of("count", "sum", "mean", "median", "q1", "q3", "min", "max");

	private static final List<String> NUMERIC = StatisticSource.NUMERIC;

	private final StatisticSource source;

	private final MessageSource messages;

	ExportWriter(StatisticSource source, MessageSource messages) {
		this.source = source;
		this.messages = messages;
	}

	/** The table of statistics: a header, the overall line of each field, then each group's lines. */
	public List<List<@Nullable Object>> statisticsTable(SurveyStatistics s, Locale locale) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		List<@Nullable Object> header = new ArrayList<>(List.of(t("stats.column.group", locale), t("stats.column.field", locale),
				t("stats.column.key", locale), t("stats.column.unit", locale)));
		FIGURES.forEach(f -> header.add(t("stats.column." + f, locale)));
		header.add(t("stats.column.growthSum", locale));
		header.add(t("stats.column.growthMean", locale));
		header.add(t("stats.column.note", locale));
		rows.add(header);
		String all = t("stats.group.all", locale);
		for (FieldFigures f : s.fields()) {
			rows.add(line(all, f, locale));
		}
		for (Group g : s.groups()) {
			if (g.suppressed() || g.fields() == null) {
				List<@Nullable Object> row = new ArrayList<>();
				row.add(g.label());
				for (int i = 0; i < 3 + FIGURES.size() + 2; i++) {
					row.add(null);
				}
				row.add(t("stats.suppressed", locale));
				rows.add(row);
				continue;
			}
			for (FieldFigures f : g.fields()) {
				rows.add(line(g.label(), f, locale));
			}
		}
		return rows;
	}

	private List<@Nullable Object> line(String group, FieldFigures f, Locale locale) {
		List<@Nullable Object> row = new ArrayList<>();
		row.add(group);
		row.add(f.label());
		row.add(f.key());
		row.add(f.unit());
		row.add(f.count());
		row.add(f.sum());
		row.add(f.mean());
		row.add(f.median());
		row.add(f.q1());
		row.add(f.q3());
		row.add(f.min());
		row.add(f.max());
		row.add(f.growth() == null ? null : f.growth().sum());
		row.add(f.growth() == null ? null : f.growth().mean());
		row.add(f.suppressed() ? t("stats.suppressed", locale) : null);
		return row;
	}

	/** The first lines above the table: title, period, respondents, and whether the figures are internal. */
	private List<String> preamble(SurveyStatistics s, Locale locale) {
		List<String> lines = new ArrayList<>();
		lines.add(s.title() + " (" + s.period() + ")");
		lines.add(t("stats.respondents", locale) + ": " + s.respondents() + " / " + t("stats.recipients", locale) + ": "
				+ s.recipients());
		lines.add(s.internal() ? t("stats.internal", locale) : t("stats.published", locale, SurveyStatistics.MINIMUM_CELL));
		return lines;
	}

	public void statisticsCsv(SurveyStatistics s, Locale locale, OutputStream out) throws IOException {
		out.write(BOM);
		Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = new CSVPrinter(w, CSV);
		for (String line : preamble(s, locale)) {
			csvRow(csv, List.of(line));
		}
		for (List<@Nullable Object> row : statisticsTable(s, locale)) {
			csvRow(csv, row);
		}
		csv.flush();
	}

	public void statisticsXlsx(SurveyStatistics s, Locale locale, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet(t("stats.sheet.statistics", locale));
			CellStyle bold = boldStyle(book);
			int r = 0;
			for (String line : preamble(s, locale)) {
				sheet.createRow(r++).createCell(0).setCellValue(line);
			}
			boolean first = true;
			for (List<@Nullable Object> values : statisticsTable(s, locale)) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Cell cell = set(row, c, values.get(c));
					if (first && cell != null) {
						cell.setCellStyle(bold);
					}
				}
				first = false;
			}
			sheet.setColumnWidth(0, 14 * 256);
			sheet.setColumnWidth(1, 24 * 256);
			book.write(out);
		}
	}

	/** Every response of the survey as CSV, one row at a time from a cursor. */
	public void rawCsv(long surveyId, Locale locale, OutputStream out) throws IOException {
		out.write(BOM);
		Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		CSVPrinter csv = new CSVPrinter(w, CSV);
		List<AnyField> fields = source.fields(surveyId);
		List<@Nullable Object> header = rawHeader(fields, locale);
		csvRow(csv, header);
		boolean[] numeric = new boolean[fields.size()];
		for (int i = 0; i < numeric.length; i++) {
			numeric[i] = NUMERIC.contains(fields.get(i).type());
		}
		List<@Nullable Object> row = new ArrayList<>(header.size());
		source.raw(surveyId, fields, (org, name, region, type, status, revision, submittedAt, answers) -> {
			row.clear();
			addRawStart(row, org, name, region, type, status, revision, submittedAt, locale);
			for (int i = 0; i < answers.length; i++) {
				String a = answerText(answers[i]);
				// a number of a numeric field stays a number (-12.5 included); anything else is text
				row.add(a != null && numeric[i] && isNumber(a) ? new BigDecimal(a) : a);
			}
			csvRow(csv, row);
		});
		csv.flush();
	}

	/** Every response of the survey as a streamed workbook: at most 200 rows are held in memory at once. */
	public void rawXlsx(long surveyId, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		book.setCompressTempFiles(true);
		try {
			SXSSFSheet sheet = book.createSheet(t("stats.sheet.raw", locale));
			List<AnyField> fields = source.fields(surveyId);
			List<@Nullable Object> header = rawHeader(fields, locale);
			CellStyle bold = boldStyle(book);
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = set(head, c, header.get(c));
				if (cell != null) {
					cell.setCellStyle(bold);
				}
			}
			sheet.createFreezePane(2, 1);
			boolean[] numeric = new boolean[fields.size()];
			for (int i = 0; i < numeric.length; i++) {
				numeric[i] = NUMERIC.contains(fields.get(i).type());
			}
			int[] next = { 1 };
			List<@Nullable Object> start = new ArrayList<>();
			source.raw(surveyId, fields, (org, name, region, type, status, revision, submittedAt, answers) -> {
				Row row = sheet.createRow(next[0]++);
				start.clear();
				addRawStart(start, org, name, region, type, status, revision, submittedAt, locale);
				int c = 0;
				for (Object v : start) {
					set(row, c++, v);
				}
				for (int i = 0; i < answers.length; i++, c++) {
					String a = answers[i];
					if (a == null) {
						continue;
					}
					if (numeric[i]) {
						try {
							row.createCell(c).setCellValue(Double.parseDouble(a));
							continue;
						}
						catch (NumberFormatException e) {
							// not a number after all: keep the text as it was answered
						}
					}
					row.createCell(c).setCellValue(answerText(a));
				}
			});
			book.write(out);
		}
		finally {
			book.close();
		}
	}

	private List<@Nullable Object> rawHeader(List<AnyField> fields, Locale locale) {
		List<@Nullable Object> header = new ArrayList<>();
		for (String k : List.of("organizationId", "organization", "region", "type", "status", "revision", "submittedAt")) {
			header.add(t("stats.raw." + k, locale));
		}
		for (AnyField f : fields) {
			header.add(f.label() + " [" + f.key() + "]");
		}
		return header;
	}

	private void addRawStart(List<@Nullable Object> row, long org, String name, @Nullable String region,
			@Nullable String type, String status, int revision, java.time.@Nullable OffsetDateTime submittedAt,
			Locale locale) {
		row.add(org);
		row.add(name);
		row.add(region == null ? null : Regions.china().find(region).map(Regions.Region::name).orElse(region));
		row.add(type == null ? null : messages.getMessage("enum.OrganizationType." + type, null, type, locale));
		row.add(messages.getMessage("stats.status." + status, null, status, locale));
		row.add(revision);
		row.add(submittedAt == null ? null : submittedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
	}

	/** A JSON answer as text: lists joined with "; ", strings without quotes. */
	static @Nullable String answerText(@Nullable String json) {
		if (json == null || !json.startsWith("[")) {
			return json;
		}
		String inner = json.substring(1, json.length() - 1).strip();
		if (inner.isEmpty()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (String p : inner.split(",\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			String v = p.strip();
			if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
				v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
			}
			parts.add(v);
		}
		return String.join("; ", parts);
	}

	private static @Nullable Cell set(Row row, int c, @Nullable Object v) {
		if (v == null) {
			return null;
		}
		Cell cell = row.createCell(c);
		if (v instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else {
			cell.setCellValue(v.toString());
		}
		return cell;
	}

	private static CellStyle boldStyle(Workbook book) {
		Font font = book.createFont();
		font.setBold(true);
		CellStyle style = book.createCellStyle();
		style.setFont(font);
		return style;
	}

	/**
	 * One CSV record: numbers as plain decimals, every text through {@link #neutralised}, so that no cell a
	 * member typed (an answer, an organisation's name) runs as a formula when the file is opened in a
	 * spreadsheet.
	 */
	static void csvRow(CSVPrinter csv, List<@Nullable Object> values) throws IOException {
		for (Object v : values) {
			if (v == null) {
				csv.print(null);
			}
			else if (v instanceof Double d) {
				csv.print(plain(d));
			}
			else if (v instanceof BigDecimal b) {
				csv.print(b.toPlainString());
			}
			else if (v instanceof Number n) {
				csv.print(n.toString());
			}
			else {
				csv.print(neutralised(v.toString()));
			}
		}
		csv.println();
	}

	/**
	 * A text that a spreadsheet would read as a formula (starting with {@code = + - @}, a tab or a carriage
	 * return) gets a leading apostrophe, as OWASP's advice on CSV injection says: shown as text, never run.
	 */
	public static String neutralised(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	private static boolean isNumber(String text) {
		try {
			new BigDecimal(text);
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	/** A number as plain decimal text (no exponent), rounded to 10 significant places beyond the point. */
	public static String plain(double d) {
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			return Long.toString((long) d);
		}
		return new BigDecimal(d).setScale(10, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** A number for people: two decimals at most, with thousands separators. */
	public static String plainRounded(double d) {
		return new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d);
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
