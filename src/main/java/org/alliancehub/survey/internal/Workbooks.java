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

import org.alliancehub.shared.Invalid;
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
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

	private static final int MAX_ROWS = 5000;

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

	/** Reads an upload; a file that is no spreadsheet, or lacks the key row, fails at once. */
	public static Sheet read(SurveyView s, InputStream content) {
		try (Workbook wb = WorkbookFactory.create(content)) {
			org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(SHEET) != null ? wb.getSheet(SHEET) : wb.getSheetAt(0);
			int keyRow = -1;
			for (int r = 0; r <= Math.min(10, sheet.getLastRowNum()); r++) {
				if (ID_KEY.equals(text(sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(0)))) {
					keyRow = r;
					break;
				}
			}
			if (keyRow < 0) {
				throw Invalid.field("file", "no row of field keys starting with '" + ID_KEY + "': use the survey's template");
			}
			List<FieldError> errors = new ArrayList<>();
			Map<Integer, SurveyField> columns = new LinkedHashMap<>();
			org.apache.poi.ss.usermodel.Row keys = sheet.getRow(keyRow);
			for (int c = 1; c < keys.getLastCellNum(); c++) {
				String key = text(keys.getCell(c));
				if (key == null || key.equals(NAME_KEY)) {
					continue;
				}
				SurveyField f = s.field(key);
				if (f == null) {
					errors.add(new FieldError("columns." + CellReference.convertNumToColString(c), "the survey has no field '" + key + "'"));
				}
				else {
					columns.put(c, f);
				}
			}
			if (sheet.getLastRowNum() - keyRow > MAX_ROWS) {
				throw Invalid.field("file", "at most " + MAX_ROWS + " rows");
			}
			List<Filled> rows = new ArrayList<>();
			for (int r = keyRow + 1; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				String id = text(row.getCell(0));
				if (id != null && id.startsWith("#")) {
					continue;
				}
				Map<String, Object> values = new LinkedHashMap<>();
				for (Map.Entry<Integer, SurveyField> col : columns.entrySet()) {
					Object v = value(col.getValue(), row.getCell(col.getKey()));
					if (v != null) {
						values.put(col.getValue().key(), v);
					}
				}
				if (values.isEmpty()) {
					continue;
				}
				Long organizationId = null;
				try {
					organizationId = id == null ? null : new BigDecimal(id).longValueExact();
				}
				catch (NumberFormatException | ArithmeticException e) {
					// named by the caller as an unknown organisation
				}
				rows.add(new Filled(r + 1, organizationId, values));
			}
			return new Sheet(rows, errors);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Invalid invalid) {
				throw invalid;
			}
			throw Invalid.field("file", "not a readable .xlsx spreadsheet");
		}
	}

	private static @Nullable Object value(SurveyField f, @Nullable Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC) {
			BigDecimal n = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
			if (f.type() == FieldType.TEXT || f.type() == FieldType.CHOICE || f.type() == FieldType.REGION
					|| f.type() == FieldType.MULTI_CHOICE) {
				return n.scale() <= 0 ? n.toPlainString() : n.toPlainString();
			}
			return n.scale() <= 0 ? n.setScale(0) : n;
		}
		String s = text(cell);
		if (s == null) {
			return null;
		}
		return switch (f.type()) {
			case MULTI_CHOICE -> Arrays.stream(s.split("[|、,，]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
			case REGION -> s.matches("^\\d{6}.*") ? s.substring(0, 6) : s;
			default -> s;
		};
	}

	private static @Nullable String text(@Nullable Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		String s = switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> null;
		};
		return s == null || s.isBlank() ? null : s.strip();
	}
}
