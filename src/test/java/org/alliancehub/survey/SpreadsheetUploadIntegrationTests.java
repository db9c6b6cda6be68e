package org.alliancehub.survey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.survey.SurveyFixtures.Field;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreadsheets that would exhaust memory if read whole are refused with a problem before they are, and the
 * server keeps serving: the sheet is streamed, rows are counted as they come, POI's zip-bomb limits are set.
 */
class SpreadsheetUploadIntegrationTests extends IntegrationTest {

	long survey;

	long member;

	String path;

	@BeforeEach
	void survey() {
		SurveyFixtures fixtures = new SurveyFixtures(admin(), "http://127.0.0.1:" + port);
		String slug = (String) fixtures.alliance("xl")[1];
		member = fixtures.member(slug, "ENTERPRISE", "北京市");
		survey = fixtures.draft(slug, "上传测试", "2024", null, null, List.of(new Field("revenue", "营业收入", "DECIMAL", "万元")));
		fixtures.publish(survey);
		path = "/api/v1/surveys/" + survey + "/responses.xlsx";
	}

	/** The server still answers, and a right spreadsheet is still taken. */
	void stillServing() throws Exception {
		assertThat(admin().get("/api/v1/surveys/" + survey).status()).isEqualTo(200);
		TestClient.Binary template = admin().getBytes("/api/v1/surveys/" + survey + "/template.xlsx");
		byte[] filled;
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
			var sheet = wb.getSheet("answers");
			sheet.getRow(3).createCell(2).setCellValue(1234.5);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			filled = out.toByteArray();
		}
		var ok = admin().upload(path, "answers.xlsx", filled);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(admin().get("/api/v1/surveys/" + survey + "/responses/" + member).json().get("values").get("revenue")
			.asDouble()).isEqualTo(1234.5);
	}

	@Test
	void aZipBombIsRefusedAndTheServerKeepsServing() throws Exception {
		// the survey's own template, with its sheet padded by 400 MB of blanks that pack to a few hundred KB
		byte[] template = admin().getBytes("/api/v1/surveys/" + survey + "/template.xlsx").bytes();
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template));
				ZipOutputStream out = new ZipOutputStream(bomb)) {
			out.setLevel(9);
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				out.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
					out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] blanks = new byte[1 << 20];
					Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 400; i++) {
						out.write(blanks);
					}
					out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(content);
				}
				out.closeEntry();
			}
		}
		assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);
		var r = admin().upload(path, "answers.xlsx", bomb.toByteArray());
		assertThat(r.status()).as(r.body()).isEqualTo(413);
		assertThat(r.header("Content-Type")).contains("application/problem+json");
		assertThat(r.json().get("detail").asString()).contains("zip bomb");
		stillServing();
	}

	@Test
	void aMillionRowSheetIsRefusedAndTheServerKeepsServing() throws Exception {
		Path file = Files.createTempFile("million", ".xlsx");
		try {
			try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
				wb.setCompressTempFiles(true);
				SXSSFSheet sheet = wb.createSheet("answers");
				sheet.createRow(0).createCell(0).setCellValue("单位编号");
				Row keys = sheet.createRow(1);
				keys.createCell(0).setCellValue("organizationId");
				keys.createCell(1).setCellValue("revenue");
				for (int r = 2; r < 1_000_002; r++) {
					Row row = sheet.createRow(r);
					row.createCell(0).setCellValue(member);
					if (r % 2 == 0) {
						row.createCell(1).setCellValue(r);
					}
				}
				try (OutputStream out = Files.newOutputStream(file)) {
					wb.write(out);
				}
			}
			byte[] content = Files.readAllBytes(file);
			assertThat(content.length).as("below the upload limit, so the sheet itself is read").isLessThan(10 * 1024 * 1024);
			var r = admin().upload(path, "answers.xlsx", content);
			assertThat(r.status()).as(r.body()).isEqualTo(413);
			assertThat(r.header("Content-Type")).contains("application/problem+json");
			assertThat(r.json().get("detail").asString()).contains("at most 10000 rows");
		}
		finally {
			Files.deleteIfExists(file);
		}
		stillServing();
	}
}
