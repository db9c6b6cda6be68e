package org.alliancehub.survey.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.FieldType;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.SurveyView;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A survey as a spreadsheet for answering many organisations at once. The sheet {@code answers} has three
 * header rows: the labels (with units), the field keys (which the upload reads, so columns may be moved),
 * and a hint row starting with {@code #} (type, unit, choices, * for required); then one row per
 * organisation: its id in column A, its name in B (ignored on upload), its answers after.
 */
public final class Workbooks {

	public static final String SHEET = "answers";

	public static final String ID_KEY = "organizationId";

	public static final String NAME_KEY = "organization";

	private Workbooks() {
	}

	/** An organisation's line of the template, with its answers so far. */
	public record Row(long organizationId, String name, Map<String, Object> values) {
	}

	/** A row of an uploaded sheet: its number as the spreadsheet shows it, and what it holds. */
	public record Filled(int number, @Nullable Long organizationId, Map<String, Object> values) {
	}

	/** What an upload holds, and what could not be read at all. */
	public record Sheet(List<Filled> rows, List<FieldError> errors) {
	}

	public static byte[] template(SurveyView s, List<Row> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(SHEET);
			CellStyle head = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			head.setFont(bold);
			head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			org.apache.poi.ss.usermodel.Row labels = sheet.createRow(0);
			org.apache.poi.ss.usermodel.Row keys = sheet.createRow(1);
			org.apache.poi.ss.usermodel.Row hints = sheet.createRow(2);
			cell(labels, 0, "ID", head);
			cell(labels, 1, s.title() + " · " + s.period(), head);
			cell(keys, 0, ID_KEY, head);
			cell(keys, 1, NAME_KEY, head);
			cell(hints, 0, "#", null);
			cell(hints, 1, "#", null);
			DataValidationHelper validation = sheet.getDataValidationHelper();
			int last = Math.max(rows.size() + 3, 200);
			for (SurveyField f : s.fields()) {
				int c = f.position() + 1;
				cell(labels, c, f.label() + (f.unit() != null ? "（" + f.unit() + "）" : "") + (f.required() ? " *" : ""), head);
				cell(keys, c, f.key(), head);
				cell(hints, c, hint(f), null);
				sheet.setColumnWidth(c, 16 * 256);
				if (f.type() == FieldType.CHOICE && String.join(",", f.options()).length() < 250) {
					var constraint = validation.createExplicitListConstraint(f.options().toArray(String[]::new));
					var v = validation.createValidation(constraint, new CellRangeAddressList(3, last, c, c));
					v.setShowErrorBox(true);
					sheet.addValidationData(v);
				}
			}
			sheet.setColumnWidth(1, 30 * 256);
			regions(wb, s, sheet, last);
			int r = 3;
			for (Row row : rows) {
				org.apache.poi.ss.usermodel.Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(row.organizationId());
				line.createCell(1).setCellValue(row.name());
				for (SurveyField f : s.fields()) {
					Object v = row.values().get(f.key());
					if (v == null) {
						continue;
					}
					Cell cell = line.createCell(f.position() + 1);
					if (v instanceof Number n && f.type() != FieldType.FILE) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v instanceof List<?> l) {
						cell.setCellValue(String.join("|", l.stream().map(String::valueOf).toList()));
					}
					else {
						cell.setCellValue(String.valueOf(v));
					}
				}
			}
			sheet.createFreezePane(2, 3);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A sheet {@code regions} listing the provinces (column A) and cities (column B) as "code name", offered
	 * as drop-down lists in the REGION columns; the upload reads the code in front.
	 */
	private static void regions(Workbook wb, SurveyView s, org.apache.poi.ss.usermodel.Sheet answers, int last) {
		if (s.fields().stream().noneMatch(f -> f.type() == FieldType.REGION)) {
			return;
		}
		org.apache.poi.ss.usermodel.Sheet list = wb.createSheet("regions");
		Regions china = Regions.china();
		int provinces = 0;
		int cities = 0;
		for (Regions.Region p : china.provinces()) {
			row(list, ++provinces).createCell(0).setCellValue(p.code() + " " + p.name());
			for (Regions.Region c : china.cities(p.code())) {
				row(list, ++cities).createCell(1).setCellValue(c.code() + " " + c.name());
			}
		}
		row(list, 0).createCell(0).setCellValue("province");
		row(list, 0).createCell(1).setCellValue("city");
		DataValidationHelper validation = answers.getDataValidationHelper();
		for (SurveyField f : s.fields()) {
			if (f.type() != FieldType.REGION) {
				continue;
			}
			String range = f.asksCity() ? "regions!$B$2:$B$" + (cities + 1) : "regions!$A$2:$A$" + (provinces + 1);
			var v = validation.createValidation(validation.createFormulaListConstraint(range),
					new CellRangeAddressList(3, last, f.position() + 1, f.position() + 1));
			v.setShowErrorBox(true);
			answers.addValidationData(v);
		}
	}

	private static org.apache.poi.ss.usermodel.Row row(org.apache.poi.ss.usermodel.Sheet sheet, int index) {
		org.apache.poi.ss.usermodel.Row r = sheet.getRow(index);
		return r != null ? r : sheet.createRow(index);
	}

	private static String hint(SurveyField f) {
		StringBuilder b = new StringBuilder("# ").append(f.type().name());
		if (f.unit() != null) {
			b.append(' ').append(f.unit());
		}
		if (f.min() != null || f.max() != null) {
			b.append(" [").append(f.min() == null ? "" : f.min().toPlainString()).append(", ")
				.append(f.max() == null ? "" : f.max().toPlainString()).append(']');
		}
		if (f.type().choice()) {
			b.append(": ").append(String.join("|", f.options()));
		}
		if (f.type() == FieldType.REGION) {
			b.append(f.asksCity() ? " 130100" : " 130000");
		}
		return b.toString();
	}

	private static void cell(org.apache.poi.ss.usermodel.Row row, int column, String value, @Nullable CellStyle style) {
		Cell c = row.createCell(column);
		c.setCellValue(value);
		if (style != null) {
			c.setCellStyle(style);
		}
	}

	/** The largest part of an .xlsx that is unpacked (shared strings, styles and the sheet, which is streamed). */
	static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	/** A part that unpacks to more than a hundred times its packed size is a zip bomb (POI's check). */
	static final double MIN_INFLATE_RATIO = 0.01;

	static {
		// POI's own guards against zip bombs, for every spreadsheet this application opens
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		// a package POI cannot open as a zip file is read as a stream instead: keep its larger parts on disk
		org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1024 * 1024);
	}

	/**
	 * Reads an upload; a file that is no spreadsheet, or lacks the key row, fails at once. The sheet is streamed
	 * (POI's event API: SAX over the sheet's XML, never the whole workbook in memory), rows are counted as they
	 * come, and reading stops at the first row beyond {@code maxRows} ({@link TooLarge}); the package is read from
	 * a temporary file, so a part is unpacked only when read, under POI's zip-bomb limits.
	 */
	public static Sheet read(SurveyView s, InputStream content, int maxRows) {
		Path file = null;
		try {
			file = Files.createTempFile("survey-upload", ".xlsx");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(pkg);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
				StylesTable styles = reader.getStylesTable();
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				InputStream chosen = null;
				while (sheets.hasNext()) {
					InputStream in = sheets.next();
					if (chosen == null || SHEET.equals(sheets.getSheetName())) {
						if (chosen != null) {
							chosen.close();
						}
						chosen = in;
						if (SHEET.equals(sheets.getSheetName())) {
							break;
						}
					}
					else {
						in.close();
					}
				}
				if (chosen == null) {
					throw Invalid.field("file", "not a readable .xlsx spreadsheet");
				}
				Rows rows = new Rows(s, maxRows);
				try (InputStream sheet = chosen) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainNumbers(), false));
					parser.parse(new InputSource(sheet));
				}
				if (rows.keyRow < 0) {
					throw Invalid.field("file", "no row of field keys starting with '" + ID_KEY + "': use the survey's template");
				}
				return new Sheet(rows.filled, rows.errors);
			}
		}
		catch (Invalid | TooLarge e) {
			throw e;
		}
		catch (Exception e) {
			if (bomb(e)) {
				throw new TooLarge("the spreadsheet unpacks to far more than it holds (a zip bomb?)");
			}
			throw Invalid.field("file", "not a readable .xlsx spreadsheet");
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					// a temporary file; the system's clean-up takes it
				}
			}
		}
	}

	/** Whether POI refused a part for its inflation ratio or size (the message names the limit it hit). */
	private static boolean bomb(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof TooLarge) {
				return true;
			}
			String m = t.getMessage();
			if (m != null && (m.contains("Zip bomb") || m.contains("MaxEntrySize") || m.contains("setMaxEntrySize")
					|| m.contains("MinInflateRatio"))) {
				return true;
			}
		}
		return false;
	}

	/** Numbers as plain decimals whatever the cell's format, not as the cell's format shows them. */
	private static final class PlainNumbers extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
	}

	/** Collects the rows after the key row as they stream by. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final SurveyView survey;

		private final int maxRows;

		final List<Filled> filled = new ArrayList<>();

		final List<FieldError> errors = new ArrayList<>();

		int keyRow = -1;

		private final Map<Integer, SurveyField> columns = new LinkedHashMap<>();

		private final Map<Integer, String> current = new LinkedHashMap<>();

		private int read;

		Rows(SurveyView survey, int maxRows) {
			this.survey = survey;
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			current.clear();
			if (keyRow >= 0 && ++read > maxRows) {
				throw new TooLarge("a spreadsheet may have at most " + maxRows + " rows");
			}
		}

		@Override
		public void cell(String cellReference, String formattedValue, org.apache.poi.xssf.usermodel.XSSFComment comment) {
			int column = new CellReference(cellReference).getCol();
			// before the key row every cell counts (to find the keys); after it, the id and the survey's columns
			if (keyRow < 0 || column == 0 || columns.containsKey(column)) {
				String v = formattedValue == null || formattedValue.isBlank() ? null : formattedValue.strip();
				if (v != null) {
					current.put(column, v);
				}
			}
		}

		@Override
		public void endRow(int rowNum) {
			String id = current.get(0);
			if (keyRow < 0) {
				if (rowNum > 10) {
					throw Invalid.field("file", "no row of field keys starting with '" + ID_KEY + "': use the survey's template");
				}
				if (ID_KEY.equals(id)) {
					keyRow = rowNum;
					for (Map.Entry<Integer, String> c : current.entrySet()) {
						String key = c.getValue();
						if (c.getKey() == 0 || key == null || key.equals(NAME_KEY)) {
							continue;
						}
						SurveyField f = survey.field(key);
						if (f == null) {
							errors.add(new FieldError("columns." + CellReference.convertNumToColString(c.getKey()),
									"the survey has no field '" + key + "'"));
						}
						else {
							columns.put(c.getKey(), f);
						}
					}
				}
				return;
			}
			if (id != null && id.startsWith("#")) {
				return;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			for (Map.Entry<Integer, SurveyField> col : columns.entrySet()) {
				String text = current.get(col.getKey());
				Object v = text == null ? null : value(col.getValue(), text);
				if (v != null) {
					values.put(col.getValue().key(), v);
				}
			}
			if (values.isEmpty()) {
				return;
			}
			Long organizationId = null;
			try {
				organizationId = id == null ? null : new BigDecimal(id).longValueExact();
			}
			catch (NumberFormatException | ArithmeticException e) {
				// named by the caller as an unknown organisation
			}
			filled.add(new Filled(rowNum + 1, organizationId, values));
		}
	}

	/** A cell's text as the field's value: numbers of numeric fields as numbers, lists split, region codes cut. */
	private static @Nullable Object value(SurveyField f, String s) {
		if (f.type().numeric()) {
			try {
				BigDecimal n = new BigDecimal(s).stripTrailingZeros();
				return n.scale() <= 0 ? n.setScale(0) : n;
			}
			catch (NumberFormatException e) {
				return s;
			}
		}
		return switch (f.type()) {
			case MULTI_CHOICE -> Arrays.stream(s.split("[|、,，]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
			case REGION -> s.matches("^\\d{6}.*") ? s.substring(0, 6) : s;
			default -> s;
		};
	}
}
