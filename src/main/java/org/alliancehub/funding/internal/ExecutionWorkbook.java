package org.alliancehub.funding.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Locale;

import org.alliancehub.funding.ExecutionView;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan's execution as a streamed workbook (as the survey exports are written): a sheet by source and a sheet by
 * payer, amounts as numbers with two decimals, headers from the message bundles in the reader's language.
 */
@Component
public class ExecutionWorkbook {

	private final MessageSource messages;

	ExecutionWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	public void write(ExecutionView e, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		book.setCompressTempFiles(true);
		try {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle money = book.createCellStyle();
			money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

			SXSSFSheet sources = book.createSheet(t("funding.sheet.sources", locale));
			header(sources, bold, locale, "funding.source", "funding.planned", "funding.due", "funding.received", "funding.rate");
			int r = 1;
			for (ExecutionView.BySource s : e.bySource()) {
				Row row = sources.createRow(r++);
				row.createCell(0).setCellValue(t("enum.SourceKind." + s.source().name(), locale));
				number(row, 1, s.planned(), money);
				number(row, 2, s.due(), money);
				number(row, 3, s.received(), money);
				number(row, 4, s.rate(), null);
			}
			Row total = sources.createRow(r);
			total.createCell(0).setCellValue(t("funding.total", locale));
			number(total, 1, e.planned(), money);
			number(total, 2, e.due(), money);
			number(total, 3, e.received(), money);
			number(total, 4, e.rate(), null);

			SXSSFSheet payers = book.createSheet(t("funding.sheet.payers", locale));
			header(payers, bold, locale, "funding.payer", "funding.source", "funding.dueOn", "funding.due", "funding.received",
					"funding.outstanding", "funding.overpaid", "funding.rate");
			r = 1;
			for (ExecutionView.ByPayer p : e.byPayer()) {
				Row row = payers.createRow(r++);
				row.createCell(0).setCellValue(p.payer().name());
				row.createCell(1).setCellValue(t("enum.SourceKind." + p.source().name(), locale));
				row.createCell(2).setCellValue(p.dueOn().toString());
				number(row, 3, p.due(), money);
				number(row, 4, p.received(), money);
				number(row, 5, p.outstanding(), money);
				number(row, 6, p.overpaid(), money);
				number(row, 7, p.rate(), null);
			}
			book.write(out);
		}
		finally {
			book.close();
		}
	}

	private void header(SXSSFSheet sheet, CellStyle bold, Locale locale, String... keys) {
		Row head = sheet.createRow(0);
		for (int c = 0; c < keys.length; c++) {
			Cell cell = head.createCell(c);
			cell.setCellValue(t(keys[c], locale));
			cell.setCellStyle(bold);
		}
		sheet.createFreezePane(1, 1);
	}

	private static void number(Row row, int c, BigDecimal value, @Nullable CellStyle style) {
		Cell cell = row.createCell(c);
		cell.setCellValue(value.doubleValue());
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
