package org.alliancehub.survey;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.survey.SurveyFixtures.Field;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics of a small survey whose every figure is known: eleven organisations in Beijing, Shanghai and
 * Guangdong answered, one saved a draft, one did not answer; the survey was copied from last year's.
 */
class StatisticsIntegrationTests extends IntegrationTest {

	static final String BEIJING = "110000";

	static final String SHANGHAI = "310000";

	static final String GUANGDONG = "440000";

	/** What every test reads; made once. */
	record Data(long allianceId, String slug, long survey, long previous, long draft, String secretariat,
			String otherSecretariat, String secretariatUser, String otherSecretariatUser) {
	}

	static Data data;

	SurveyFixtures fixtures;

	/** The province each organisation names as its region; publishing turns it into the code above. */
	static final Map<String, String> PROVINCES = Map.of(BEIJING, "北京市", SHANGHAI, "上海市", GUANGDONG, "广东省");

	@BeforeEach
	void survey() {
		fixtures = new SurveyFixtures(admin(), "http://127.0.0.1:" + port);
		if (data != null) {
			return;
		}
		Object[] a = fixtures.alliance("st");
		long alliance = (long) a[0];
		String slug = (String) a[1];
		Object[] other = fixtures.alliance("so");
		List<Field> fields = List.of(new Field("revenue", "营业收入", "DECIMAL", "万元"),
				new Field("employees", "从业人员", "INTEGER", "人"), new Field("note", "说明", "TEXT", null),
				new Field("rdShare", "研发投入占比", "PERCENT", "%"), new Field("patents", "发明专利", "INTEGER", "件"));
		Object[][] answers = { { BEIJING, "ENTERPRISE", 100, 10, 1.5, 1 }, { BEIJING, "ENTERPRISE", 200, 20, 2.5, 2 },
				{ BEIJING, "ENTERPRISE", 300, 30, 3.5, null }, { BEIJING, "ENTERPRISE", 400, 40, null, null },
				{ BEIJING, "ENTERPRISE", 50000, 50, null, null }, { SHANGHAI, "ENTERPRISE", 1000, 60, null, null },
				{ SHANGHAI, "ENTERPRISE", 2000, 70, null, null },
				{ SHANGHAI, "RESEARCH_INSTITUTE", 3000, 80, null, null },
				{ SHANGHAI, "RESEARCH_INSTITUTE", 4000, null, null, null },
				{ GUANGDONG, "RESEARCH_INSTITUTE", 10, 90, null, null },
				{ GUANGDONG, "RESEARCH_INSTITUTE", 20, null, null, null } };
		long[] orgs = new long[answers.length];
		// last year the alliance had four members, and all four answered
		for (int i = 0; i < 4; i++) {
			orgs[i] = fixtures.member(slug, (String) answers[i][1], PROVINCES.get((String) answers[i][0]));
		}
		long previous = fixtures.draft(slug, "2022年产业基础资料调查", "2022", null, "revenue", fields);
		fixtures.publish(previous);
		for (int i = 0; i < 4; i++) {
			fixtures.answer(previous, orgs[i], true, Map.of("revenue", 100 * (i + 1)));
		}
		fixtures.close(previous);
		// this year eleven answer, one saves a draft and one does not answer
		for (int i = 4; i < answers.length; i++) {
			orgs[i] = fixtures.member(slug, (String) answers[i][1], PROVINCES.get((String) answers[i][0]));
		}
		long drafting = fixtures.member(slug, "ENTERPRISE", PROVINCES.get(BEIJING));
		fixtures.member(slug, "UNIVERSITY", PROVINCES.get(SHANGHAI));
		long survey = fixtures.draft(slug, "2023年产业基础资料调查", "2023", previous, "revenue", fields);
		fixtures.publish(survey);
		for (int i = 0; i < answers.length; i++) {
			Object[] x = answers[i];
			Map<String, Object> answer = new HashMap<>();
			answer.put("revenue", x[2]);
			answer.put("note", "第" + (i + 1) + "家");
			if (x[3] != null) {
				answer.put("employees", x[3]);
			}
			if (x[4] != null) {
				answer.put("rdShare", x[4]);
			}
			if (x[5] != null) {
				answer.put("patents", x[5]);
			}
			fixtures.answer(survey, orgs[i], true, answer);
		}
		fixtures.answer(survey, drafting, false, Map.of("revenue", 999999));
		long draft = fixtures.draft(slug, "2024年产业基础资料调查", "2024", survey, "revenue", fields);
		String user = fixtures.secretariatUser(slug);
		String otherUser = fixtures.secretariatUser((String) other[1]);
		data = new Data(alliance, slug, survey, previous, draft, fixtures.token(user), fixtures.token(otherUser), user,
				otherUser);
	}

	TestClient secretariat() {
		return client().withToken(data.secretariat());
	}

	TestClient otherSecretariat() {
		return client().withToken(data.otherSecretariat());
	}

	JsonNode stats(TestClient c, String query) {
		var r = c.get("/api/v1/surveys/" + data.survey() + "/statistics" + query);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	static JsonNode field(JsonNode fields, String key) {
		for (JsonNode f : fields) {
			if (f.get("key").asString().equals(key)) {
				return f;
			}
		}
		throw new AssertionError("no field " + key + " in " + fields);
	}

	static JsonNode group(JsonNode s, String group) {
		for (JsonNode g : s.get("groups")) {
			if (g.get("group").asString().equals(group)) {
				return g;
			}
		}
		throw new AssertionError("no group " + group + " in " + s.get("groups"));
	}

	@Test
	void figuresOfANumericFieldAreExactOverSubmittedAnswersOnly() {
		JsonNode s = stats(client(), "");
		assertThat(s.get("respondents").asInt()).isEqualTo(11);
		assertThat(s.get("responseRate").asDouble()).isCloseTo(11.0 / 13, within(1e-9));
		JsonNode revenue = field(s.get("fields"), "revenue");
		// 10 20 100 200 300 400 1000 2000 3000 4000 50000: the draft's 999999 is not counted
		assertThat(revenue.get("count").asInt()).isEqualTo(11);
		assertThat(revenue.get("sum").asDouble()).isEqualTo(61030);
		assertThat(revenue.get("mean").asDouble()).isCloseTo(61030 / 11.0, within(1e-9));
		assertThat(revenue.get("median").asDouble()).isEqualTo(400);
		assertThat(revenue.get("q1").asDouble()).isEqualTo(150);
		assertThat(revenue.get("q3").asDouble()).isEqualTo(2500);
		// the minimum and maximum are single firms' figures (the maximum is the one large firm's revenue): the
		// public never gets them, the secretariat does
		assertThat(revenue.get("min").isNull()).isTrue();
		assertThat(revenue.get("max").isNull()).isTrue();
		JsonNode internal = field(stats(secretariat(), "").get("fields"), "revenue");
		assertThat(internal.get("min").asDouble()).isEqualTo(10);
		assertThat(internal.get("max").asDouble()).isEqualTo(50000);
		JsonNode employees = field(s.get("fields"), "employees");
		assertThat(employees.get("count").asInt()).isEqualTo(9);
		assertThat(employees.get("median").asDouble()).isEqualTo(50);
		assertThat(employees.get("q3").asDouble()).isEqualTo(70);
		assertThat(s.get("fields").valueStream().map(f -> f.get("key").asString())).doesNotContain("note");
	}

	@Test
	void growthComparesSumAndMeanWithTheSurveyItWasCopiedFrom() {
		JsonNode growth = field(stats(client(), "").get("fields"), "revenue").get("growth");
		// last year: 100 + 200 + 300 + 400 = 1000 over four
		assertThat(growth.get("sum").asDouble()).isCloseTo(61030 / 1000.0 - 1, within(1e-9));
		assertThat(growth.get("mean").asDouble()).isCloseTo((61030 / 11.0) / 250 - 1, within(1e-9));
		assertThat(growth.get("previousPeriod").asString()).isEqualTo("2022");
		JsonNode previous = client().get("/api/v1/surveys/" + data.previous() + "/statistics").json();
		assertThat(field(previous.get("fields"), "revenue").get("growth").isNull()).isTrue();
		JsonNode history = stats(client(), "").get("history");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).get("period").asString()).isEqualTo("2022");
		assertThat(field(history.get(0).get("fields"), "revenue").get("sum").asDouble()).isEqualTo(1000);
	}

	@Test
	void aGroupOfTwoIsSuppressedAndTheNextSmallestWithItForThePublic() {
		JsonNode s = stats(client(), "?groupBy=region");
		assertThat(s.get("internal").asBoolean()).isFalse();
		JsonNode guangdong = group(s, GUANGDONG);
		assertThat(guangdong.get("suppressed").asBoolean()).isTrue();
		assertThat(guangdong.get("respondents").isNull()).isTrue();
		assertThat(guangdong.get("fields").isNull()).isTrue();
		// Shanghai (4) is suppressed too, else 61030 - Beijing - Shanghai would give Guangdong's two answers
		JsonNode shanghai = group(s, SHANGHAI);
		assertThat(shanghai.get("suppressed").asBoolean()).isTrue();
		assertThat(shanghai.get("fields").isNull()).isTrue();
		JsonNode beijing = group(s, BEIJING);
		assertThat(beijing.get("suppressed").asBoolean()).isFalse();
		assertThat(beijing.get("label").asString()).isEqualTo("北京市");
		assertThat(field(beijing.get("fields"), "employees").get("sum").asDouble()).isEqualTo(150);
		assertThat(s.toString()).doesNotContain("\"sum\":30.0");
	}

	@Test
	void noPublicFigureIsOneFirmsOwnInAnyBreakdownOrExport() {
		for (String by : List.of("", "?groupBy=region", "?groupBy=type", "?groupBy=size")) {
			JsonNode s = stats(client(), by);
			List<JsonNode> cells = new java.util.ArrayList<>(s.get("fields").valueStream().toList());
			s.get("groups").forEach(g -> {
				if (g.get("fields") != null && !g.get("fields").isNull()) {
					g.get("fields").forEach(cells::add);
				}
			});
			for (JsonNode f : cells) {
				assertThat(f.get("min").isNull() && f.get("max").isNull()).as(by + " " + f).isTrue();
				if (!f.get("suppressed").asBoolean() && f.get("count").asInt() < 5) {
					assertThat(f.get("median").isNull() && f.get("q1").isNull() && f.get("q3").isNull()).as(by + " " + f)
						.isTrue();
				}
			}
			// Beijing's revenue is 98 % one firm's (50000 of 51000), the large size class that firm alone
			assertThat(s.toString()).as(by).doesNotContain("51000", "50000");
			String csv = new String(fixtures.bytes("/api/v1/surveys/" + data.survey() + "/export.csv?kind=statistics"
					+ (by.isEmpty() ? "" : "&" + by.substring(1)), null).body(), StandardCharsets.UTF_8);
			assertThat(csv).doesNotContain("51000", "50000");
			for (String line : csv.lines().skip(4).toList()) {
				String[] cols = line.split(",", -1);
				assertThat(cols.length < 12 || (cols[10].isEmpty() && cols[11].isEmpty())).as(line).isTrue();
			}
		}
	}

	@Test
	void complementarySuppressionWorksPerFieldWhereCountsDiffer() {
		JsonNode s = stats(client(), "?groupBy=type");
		// both types have enough respondents, but only two research institutes gave their employees
		JsonNode enterprise = group(s, "ENTERPRISE");
		JsonNode institute = group(s, "RESEARCH_INSTITUTE");
		assertThat(enterprise.get("suppressed").asBoolean()).isFalse();
		assertThat(institute.get("suppressed").asBoolean()).isFalse();
		assertThat(field(institute.get("fields"), "employees").get("suppressed").asBoolean()).isTrue();
		assertThat(field(institute.get("fields"), "employees").get("sum").isNull()).isTrue();
		// the total of employees (9 answers) is published: the enterprises' sum would reveal the institutes'
		assertThat(field(s.get("fields"), "employees").get("sum").asDouble()).isEqualTo(450);
		assertThat(field(enterprise.get("fields"), "employees").get("suppressed").asBoolean()).isTrue();
		assertThat(field(enterprise.get("fields"), "employees").get("sum").isNull()).isTrue();
		// revenue is answered by all, but each type is dominated: 50000 of the enterprises' 54000 is one firm's,
		// 3000 + 4000 of the institutes' 7030 two firms'
		assertThat(field(institute.get("fields"), "revenue").get("suppressed").asBoolean()).isTrue();
		assertThat(field(enterprise.get("fields"), "revenue").get("suppressed").asBoolean()).isTrue();
		assertThat(s.toString()).doesNotContain("7030", "54000");
	}

	@Test
	void aFieldAnsweredByTwoIsHiddenFromThePublicEvenOverall() {
		JsonNode patents = field(stats(client(), "").get("fields"), "patents");
		assertThat(patents.get("suppressed").asBoolean()).isTrue();
		assertThat(patents.get("sum").isNull()).isTrue();
		assertThat(patents.get("count").isNull()).isTrue();
		JsonNode internal = field(stats(secretariat(), "").get("fields"), "patents");
		assertThat(internal.get("sum").asDouble()).isEqualTo(3);
	}

	@Test
	void sizeClassesFollowTheRevenueThresholdsAndAreSuppressedLikeAnyGroup() {
		JsonNode internal = stats(secretariat(), "?groupBy=size");
		assertThat(internal.get("groups").valueStream().map(g -> g.get("group").asString()))
			.containsExactly("LARGE", "MEDIUM", "SMALL", "MICRO");
		assertThat(group(internal, "LARGE").get("respondents").asInt()).isEqualTo(1);
		assertThat(group(internal, "MEDIUM").get("respondents").asInt()).isEqualTo(3);
		assertThat(group(internal, "SMALL").get("respondents").asInt()).isEqualTo(3);
		assertThat(group(internal, "MICRO").get("respondents").asInt()).isEqualTo(4);
		assertThat(group(internal, "LARGE").get("label").asString()).isEqualTo("大型");
		JsonNode published = stats(client(), "?groupBy=size");
		assertThat(group(published, "LARGE").get("suppressed").asBoolean()).isTrue();
		assertThat(group(published, "MEDIUM").get("suppressed").asBoolean()).isTrue();
		assertThat(group(published, "SMALL").get("suppressed").asBoolean()).isFalse();
		assertThat(group(published, "MICRO").get("suppressed").asBoolean()).isFalse();
	}

	@Test
	void theSecretariatSeesEveryFigureMarkedInternal() {
		JsonNode s = stats(secretariat(), "?groupBy=region");
		assertThat(s.get("internal").asBoolean()).isTrue();
		assertThat(s.get("groups").valueStream().noneMatch(g -> g.get("suppressed").asBoolean())).isTrue();
		assertThat(field(group(s, GUANGDONG).get("fields"), "revenue").get("sum").asDouble()).isEqualTo(30);
		assertThat(field(group(s, SHANGHAI).get("fields"), "revenue").get("median").asDouble()).isEqualTo(2500);
	}

	@Test
	void anotherAlliancesSecretariatGetsOnlyThePublicView() {
		JsonNode s = stats(otherSecretariat(), "?groupBy=region");
		assertThat(s.get("internal").asBoolean()).isFalse();
		assertThat(group(s, GUANGDONG).get("suppressed").asBoolean()).isTrue();
	}

	@Test
	void aDraftSurveyDoesNotExistForAnyoneButItsSecretariat() {
		String path = "/api/v1/surveys/" + data.draft() + "/statistics";
		assertThat(client().get(path).status()).isEqualTo(404);
		assertThat(otherSecretariat().get(path).status()).isEqualTo(404);
		assertThat(secretariat().get(path).status()).isEqualTo(200);
		assertThat(otherSecretariat().get("/api/v1/surveys/" + data.draft() + "/export.csv?kind=statistics").status())
			.isEqualTo(404);
		assertThat(client().get("/api/v1/surveys/99999999/statistics").status()).isEqualTo(404);
	}

	@Test
	void anUnknownBreakdownIsRefusedNamingTheParameter() {
		var r = client().get("/api/v1/surveys/" + data.survey() + "/statistics?groupBy=city");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactly("groupBy");
		var k = secretariat().get("/api/v1/surveys/" + data.survey() + "/export.csv?kind=everything");
		assertThat(k.status()).isEqualTo(400);
		assertThat(k.invalidFields()).containsExactly("kind");
	}

	@Test
	void rawAnswersAreForTheSecretariatOnly() {
		String path = "/api/v1/surveys/" + data.survey() + "/export.xlsx";
		assertThat(client().get(path).status()).isIn(401, 403);
		assertThat(otherSecretariat().get(path).status()).isEqualTo(403);
		assertThat(otherSecretariat().get("/api/v1/surveys/" + data.survey() + "/export.csv").status()).isEqualTo(403);
		assertThat(otherSecretariat().get("/api/v1/surveys/" + data.draft() + "/export.xlsx").status()).isEqualTo(404);
	}

	@Test
	void rawAnswersExportAsAWorkbookWithEveryResponse() throws Exception {
		HttpResponse<byte[]> r = fixtures.bytes("/api/v1/surveys/" + data.survey() + "/export.xlsx", data.secretariat());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("survey-" + data.survey());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(12);
			Row head = sheet.getRow(0);
			assertThat(head.getCell(1).getStringCellValue()).isEqualTo("单位名称");
			assertThat(head.getCell(7).getStringCellValue()).isEqualTo("营业收入 [revenue]");
			double total = 0;
			int drafts = 0;
			for (int i = 1; i <= 12; i++) {
				Row row = sheet.getRow(i);
				if (row.getCell(4).getStringCellValue().equals("草稿")) {
					drafts++;
					assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(999999);
					continue;
				}
				total += row.getCell(7).getNumericCellValue();
				assertThat(row.getCell(9).getStringCellValue()).startsWith("第");
			}
			assertThat(drafts).isEqualTo(1);
			assertThat(total).isEqualTo(61030);
		}
	}

	@Test
	void rawAnswersExportAsCsvWithAByteOrderMark() {
		HttpResponse<byte[]> r = fixtures.bytes("/api/v1/surveys/" + data.survey() + "/export.csv", data.secretariat());
		assertThat(r.statusCode()).isEqualTo(200);
		byte[] body = r.body();
		assertThat(new byte[] { body[0], body[1], body[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(13);
		assertThat(lines.get(0)).startsWith("单位编号,单位名称,省份,单位类型,状态,版本,提交时间,营业收入 [revenue]");
		assertThat(lines.stream().filter(l -> l.contains(",北京市,企业,已提交,"))).hasSize(5);
	}

	@Test
	void statisticsExportForThePublicHoldsOnlyPublishedFigures() throws Exception {
		String path = "/api/v1/surveys/" + data.survey() + "/export.xlsx?kind=statistics&groupBy=region";
		HttpResponse<byte[]> r = fixtures.bytes(path, null);
		assertThat(r.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
			Sheet sheet = book.getSheetAt(0);
			Map<String, Double> sums = new HashMap<>();
			Map<String, String> notes = new HashMap<>();
			for (Row row : sheet) {
				if (row.getRowNum() < 4 || row.getCell(0) == null) {
					continue;
				}
				String group = row.getCell(0).getStringCellValue();
				String key = row.getCell(2) == null ? "" : row.getCell(2).getStringCellValue();
				if (row.getCell(5) != null) {
					sums.put(group + "/" + key, row.getCell(5).getNumericCellValue());
				}
				if (row.getCell(14) != null) {
					notes.put(group, row.getCell(14).getStringCellValue());
				}
			}
			assertThat(sums).containsEntry("全部/revenue", 61030.0).containsEntry("北京市/employees", 150.0)
				.doesNotContainKey("北京市/revenue");
			assertThat(sums.keySet()).noneMatch(k -> k.startsWith("广东省") || k.startsWith("上海市"));
			assertThat(notes.get("广东省")).startsWith("已隐去");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("公开数据");
		}
		HttpResponse<byte[]> internal = fixtures.bytes(path, data.secretariat());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(internal.body()))) {
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).startsWith("内部数据");
		}
	}

	@Test
	void statisticsExportAsCsvReadsBackWithTheSameFigures() {
		HttpResponse<byte[]> r = fixtures.bytes("/api/v1/surveys/" + data.survey() + "/export.csv?kind=statistics", null);
		assertThat(r.statusCode()).isEqualTo(200);
		String text = new String(r.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		String revenue = text.lines().filter(l -> l.startsWith("全部,营业收入,revenue,")).findFirst().orElseThrow();
		assertThat(revenue.split(",")).startsWith("全部", "营业收入", "revenue", "万元", "11", "61030");
		assertThat(revenue.split(",")[7]).isEqualTo("400");
	}

	@Test
	void theReportIsAPdfInChineseWithPublishedFiguresOnly() throws Exception {
		HttpResponse<byte[]> r = fixtures.bytes("/api/v1/surveys/" + data.survey() + "/report.pdf", data.secretariat());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument pdf = Loader.loadPDF(r.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("2023年产业基础资料调查", "主要指标", "营业收入", "北京市", "分省份统计", "已隐去");
			assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
		}
	}

	@Test
	void aReportJobShowsItsProgressAndThenServesThePdf() throws Exception {
		var start = secretariat().post("/api/v1/surveys/" + data.survey() + "/reports", Map.of());
		assertThat(start.status()).isEqualTo(202);
		String location = start.header("Location");
		assertThat(otherSecretariat().get(location).status()).isEqualTo(403);
		JsonNode job = start.json();
		for (int i = 0; i < 300 && job.get("state").asString().equals("RUNNING"); i++) {
			Thread.sleep(100);
			job = secretariat().get(location).json();
		}
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
		assertThat(job.get("percent").asInt()).isEqualTo(100);
		HttpResponse<byte[]> pdf = fixtures.bytes(location + "/report.pdf", data.secretariat());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("产业基础资料调查统计报告");
		}
		assertThat(client().post("/api/v1/surveys/" + data.survey() + "/reports", Map.of()).status()).isIn(401, 403);
	}

	@Test
	void thePublicStatisticsPageDrawsItsChartsWithEChartsFromTheApplication() {
		String page = "/a/" + data.slug() + "/surveys/" + data.survey() + "/statistics";
		var r = client().get(page);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/survey-stats.js",
				"2023年产业基础资料调查", "id=\"chart-map\"", "北京市", "已隐去").doesNotContain("cdn", "内部数据");
		assertThat(r.body()).doesNotContain("export.xlsx\"");
		var echarts = client().get("/webjars/echarts/5.3.1/dist/echarts.min.js");
		assertThat(echarts.status()).isEqualTo(200);
		assertThat(echarts.body()).contains("registerMap");
		var map = client().get("/geo/china.json");
		assertThat(map.status()).isEqualTo(200);
		assertThat(map.header("Cache-Control")).contains("max-age=604800");
		assertThat(map.json().get("UTF8Encoding").asBoolean()).isTrue();
		assertThat(map.json().get("features").valueStream().map(f -> f.get("id").asString())).contains(BEIJING, GUANGDONG);
		assertThat(client().get("/a/" + data.slug() + "/surveys/statistics").body()).contains(page);
		assertThat(client().get("/a/" + data.slug() + "/").body()).contains("/a/" + data.slug() + "/surveys/statistics");
	}

	@Test
	void aDraftHasNoPublicPageAndASurveyHasNoPageOnAnotherAlliancesSite() {
		assertThat(client().get("/a/" + data.slug() + "/surveys/" + data.draft() + "/statistics").status()).isEqualTo(404);
		assertThat(client().get("/a/lmxfw/surveys/" + data.survey() + "/statistics").status()).isIn(404);
		assertThat(client().get("/a/" + data.slug() + "/surveys/statistics").body()).doesNotContain("2024年");
	}

	@Test
	void thePublicStatisticsDownloadFromTheSiteIsSuppressed() {
		HttpResponse<byte[]> r = fixtures.bytes("/a/" + data.slug() + "/surveys/" + data.survey() + "/statistics.csv?groupBy=region", null);
		assertThat(r.statusCode()).isEqualTo(200);
		String text = new String(r.body(), StandardCharsets.UTF_8);
		assertThat(text).contains("北京市,从业人员,employees,人,5,150").doesNotContain("广东省,营业收入", "51000");
	}

	@Test
	void theBackOfficePageShowsInternalFiguresAndMakesTheReportWithAProgressBar() throws Exception {
		FormSession browser = FormSession.signIn(port, data.secretariatUser(), "password-" + data.secretariatUser());
		String page = "/admin/surveys/" + data.survey() + "/statistics";
		var r = browser.get(page + "?groupBy=type");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("内部数据", "/admin/surveys/" + data.survey() + "/export.xlsx\"",
				"/webjars/echarts/5.3.1/dist/echarts.min.js", "hx-post=\"/admin/surveys/" + data.survey() + "/report\"");
		var raw = browser.get("/admin/surveys/" + data.survey() + "/export.csv");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.body().lines().count()).isEqualTo(13);
		String csrf = browser.csrf(page);
		var started = browser.post("/admin/surveys/" + data.survey() + "/report", java.util.Map.of("_csrf", csrf));
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(started.body()).contains("<progress");
		String fragment = started.body();
		for (int i = 0; i < 300 && fragment.contains("hx-trigger=\"every 1s\""); i++) {
			Thread.sleep(100);
			var m = java.util.regex.Pattern.compile("hx-get=\"([^\"]+)\"").matcher(fragment);
			assertThat(m.find()).isTrue();
			fragment = browser.get(m.group(1)).body();
		}
		var link = java.util.regex.Pattern.compile("href=\"(/admin/surveys/[^\"]+/report.pdf)\"").matcher(fragment);
		assertThat(link.find()).as(fragment).isTrue();
		assertThat(browser.get(link.group(1)).statusCode()).isEqualTo(200);

		FormSession other = FormSession.signIn(port, data.otherSecretariatUser(),
				"password-" + data.otherSecretariatUser());
		assertThat(other.get(page).statusCode()).isEqualTo(403);
		assertThat(other.get("/admin/surveys/" + data.survey() + "/export.xlsx").statusCode()).isEqualTo(403);
	}

	@Test
	void statisticsFollowEveryNewOrChangedAnswerDespiteTheKeptResults() {
		// a survey of its own alliance, so that only these four are asked
		String slug = (String) fixtures.alliance("sc")[1];
		long[] orgs = new long[4];
		for (int i = 0; i < orgs.length; i++) {
			orgs[i] = fixtures.member(slug, "ENTERPRISE", PROVINCES.get(BEIJING));
		}
		long survey = fixtures.draft(slug, "缓存测试调查", "2023", null, null,
				List.of(new Field("revenue", "营业收入", "DECIMAL", "万元")));
		fixtures.publish(survey);
		for (int i = 0; i < 3; i++) {
			fixtures.answer(survey, orgs[i], true, Map.of("revenue", 10 * (i + 1)));
		}
		String path = "/api/v1/surveys/" + survey + "/statistics";
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(60);
		fixtures.answer(survey, orgs[3], true, Map.of("revenue", 40));
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(100);
		// reopened for correction: no longer counted
		fixtures.reopen(survey, orgs[3], "请核对营业收入");
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(60);
	}

	@Autowired
	CacheManager caches;

	@Test
	void computedStatisticsAreKeptInTheSpringCacheUntilAnAnswerIsSubmittedOrReopened() {
		String slug = (String) fixtures.alliance("sk")[1];
		long[] orgs = new long[4];
		for (int i = 0; i < orgs.length; i++) {
			orgs[i] = fixtures.member(slug, "ENTERPRISE", PROVINCES.get(BEIJING));
		}
		long survey = fixtures.draft(slug, "缓存淘汰调查", "2023", null, null,
				List.of(new Field("revenue", "营业收入", "DECIMAL", "万元")));
		fixtures.publish(survey);
		for (int i = 0; i < 3; i++) {
			fixtures.answer(survey, orgs[i], true, Map.of("revenue", 10 * (i + 1)));
		}
		org.springframework.cache.Cache cache = caches.getCache("survey-statistics");
		assertThat(cache).as("the cache survey-statistics, Caffeine behind Spring's cache abstraction")
			.isInstanceOf(CaffeineCache.class);
		com.github.benmanes.caffeine.cache.Cache<Object, Object> kept = ((CaffeineCache) cache).getNativeCache();
		String path = "/api/v1/surveys/" + survey + "/statistics";
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(60);
		assertThat(kept.asMap()).as("the result is kept").isNotEmpty();
		// a draft changes no statistics and evicts nothing; a submitted answer evicts every kept result
		fixtures.answer(survey, orgs[3], false, Map.of("revenue", 40));
		assertThat(kept.asMap()).isNotEmpty();
		assertThat(admin().put("/api/v1/surveys/" + survey + "/responses/" + orgs[3],
				Map.of("values", Map.of("revenue", 40), "submit", true)).status()).isEqualTo(200);
		assertThat(kept.asMap()).as("evicted when an answer is submitted").isEmpty();
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(100);
		assertThat(kept.asMap()).isNotEmpty();
		fixtures.reopen(survey, orgs[3], "请核对营业收入");
		assertThat(kept.asMap()).as("evicted when an answer is reopened").isEmpty();
		assertThat(field(client().get(path).json().get("fields"), "revenue").get("sum").asDouble()).isEqualTo(60);
	}
}
