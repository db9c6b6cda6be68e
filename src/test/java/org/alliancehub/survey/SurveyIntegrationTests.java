package org.alliancehub.survey;

import org.alliancehub.survey.internal.SurveyReminders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A survey from its building to the answers, reminders and spreadsheets, through the API, with every refusal. */
class SurveyIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	TestClient admin;

	TestClient secretariat;

	String slug;

	long hebei;

	long beijing;

	long university;

	Map<Long, TestClient> reps = new HashMap<>();

	Map<Long, String> emails = new HashMap<>();

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "调查测试联盟" + slug)).status()).isEqualTo(201);
		secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		hebei = organization("ENTERPRISE", "河北省", "COUNCIL");
		beijing = organization("ENTERPRISE", "北京市", "MEMBER");
		university = organization("UNIVERSITY", "河北省", "MEMBER");
	}

	long organization(String type, String region, String role) {
		long id = admin.post("/api/v1/organizations", Map.of("name", "单位" + UUID.randomUUID(), "type", type, "region", region))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role)).status())
			.isEqualTo(201);
		String username = "rep" + UUID.randomUUID().toString().substring(0, 8);
		var created = admin.post("/api/v1/users", Map.of("username", username, "displayName", "代表" + id, "email",
				username + "@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		assertThat(created.status()).isEqualTo(201);
		reps.put(id, client().login(username, "password-" + username));
		emails.put(id, username + "@example.org");
		return id;
	}

	static List<Map<String, Object>> fields() {
		List<Map<String, Object>> fields = new ArrayList<>();
		fields.add(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL", "unit", "万元", "required", true, "min", 0));
		fields.add(Map.of("key", "exportRevenue", "label", "出口收入", "type", "DECIMAL", "unit", "万元", "required", false, "min", 0));
		fields.add(Map.of("key", "staff", "label", "从业人员", "type", "INTEGER", "unit", "人", "required", true, "min", 0, "max", 1000000));
		fields.add(Map.of("key", "rdStaff", "label", "研发人员", "type", "INTEGER", "unit", "人", "required", false));
		fields.add(Map.of("key", "rdShare", "label", "研发投入占比", "type", "PERCENT", "required", false));
		fields.add(Map.of("key", "size", "label", "企业规模", "type", "CHOICE", "required", true, "options", List.of("大型", "中型", "小型", "微型")));
		fields.add(Map.of("key", "products", "label", "主要产品", "type", "MULTI_CHOICE", "required", false, "options", List.of("渣浆泵", "清水泵", "阀门")));
		fields.add(Map.of("key", "founded", "label", "成立年份", "type", "YEAR", "required", false));
		fields.add(Map.of("key", "province", "label", "所在省份", "type", "REGION", "required", true));
		fields.add(Map.of("key", "city", "label", "所在城市", "type", "REGION", "required", false, "options", List.of("CITY")));
		fields.add(Map.of("key", "remarks", "label", "备注", "type", "TEXT", "required", false));
		return fields;
	}

	Map<String, Object> survey(Map<String, Object> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "2025年度行业统计调查");
		body.put("period", "2025");
		body.put("fields", fields());
		body.put("rules", List.of(Map.of("expression", "exportRevenue <= revenue", "message", "出口收入不能大于营业收入"),
				Map.of("expression", "rdStaff <= staff", "message", "研发人员不能多于从业人员")));
		body.put("deadline", "2099-03-31T17:00:00+08:00");
		body.putAll(overrides);
		return body;
	}

	long published(Map<String, Object> overrides) {
		var created = secretariat.post("/api/v1/alliances/" + slug + "/surveys", survey(overrides));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/v1/surveys/" + id);
		var published = secretariat.post("/api/v1/surveys/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return id;
	}

	static Map<String, Object> goodAnswer() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("revenue", 12500.5);
		v.put("exportRevenue", 3000);
		v.put("staff", 860);
		v.put("rdStaff", 120);
		v.put("rdShare", 4.2);
		v.put("size", "中型");
		v.put("products", List.of("渣浆泵", "阀门"));
		v.put("founded", 1998);
		v.put("province", "130000");
		v.put("city", "130100");
		v.put("remarks", "无");
		return v;
	}

	TestClient.Response put(TestClient who, long survey, long organization, Map<String, Object> values, boolean submit) {
		return who.send("PUT", "/api/v1/surveys/" + survey + "/responses/" + organization,
				Map.of("values", values, "submit", submit));
	}

	@Test
	void buildingASurveyNamesEveryMistakeAndCreatesNothing() {
		List<Map<String, Object>> fields = new ArrayList<>(fields());
		fields.add(Map.of("key", "revenue", "label", "重复", "type", "DECIMAL"));
		fields.add(Map.of("key", "9bad", "label", "坏键", "type", "INTEGER"));
		fields.add(Map.of("key", "kind", "label", "类型", "type", "BANANA"));
		fields.add(Map.of("key", "choice", "label", "无选项", "type", "CHOICE"));
		fields.add(Map.of("key", "bounds", "label", "上下限", "type", "INTEGER", "min", 10, "max", 5));
		var r = secretariat.post("/api/v1/alliances/" + slug + "/surveys", survey(Map.of("fields", fields, "rules",
				List.of(Map.of("expression", "exportRevenue <= revenue", "message", "好规则"),
						Map.of("expression", "profit <= revenue", "message", "未知字段"),
						Map.of("expression", "revenue <= (staff", "message", "语法错误"),
						Map.of("expression", "T(java.lang.Runtime).getRuntime().exec('rm') == 1", "message", "恶意"),
						Map.of("expression", "remarks <= revenue", "message", "文本不可比较")),
				"audience", Map.of("regions", List.of("130000", "999999"), "roles", List.of("BOSS")), "title", " ")));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactlyInAnyOrder("title", "fields[11].key", "fields[12].key",
				"fields[13].type", "fields[14].options", "fields[15].max", "rules[1].expression", "rules[2].expression",
				"rules[3].expression", "rules[4].expression", "audience.roles[0]", "audience.regions[1]");
		assertThat(secretariat.get("/api/v1/alliances/" + slug + "/surveys").json().get("total").asInt()).isZero();
	}

	@Test
	void answersAreCheckedFieldByFieldAndRulesNameTheirFields() {
		long id = published(Map.of());
		Map<String, Object> bad = goodAnswer();
		bad.put("revenue", 100);
		bad.put("exportRevenue", 300);
		bad.put("staff", "eight hundred");
		bad.put("rdShare", 150);
		bad.put("size", "巨型");
		bad.put("products", List.of("渣浆泵", "汽车"));
		bad.put("founded", 1700);
		bad.put("province", "999999");
		bad.put("city", "130000");
		bad.put("colour", "red");
		var r = put(reps.get(hebei), id, hebei, bad, true);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactlyInAnyOrder("colour", "staff", "rdShare",
				"size", "products", "founded", "province", "city",
				"exportRevenue", "revenue");
		assertThat(reps.get(hebei).get("/api/v1/surveys/" + id + "/responses/" + hebei).status()).isEqualTo(404);

		Map<String, Object> rule = goodAnswer();
		rule.put("rdStaff", 900);
		rule.put("staff", -1);
		var broken = put(reps.get(hebei), id, hebei, rule, false);
		assertThat(broken.invalidFields()).as("a rule is judged once its fields are valid").containsExactly("staff");
		rule.put("staff", 800);
		assertThat(put(reps.get(hebei), id, hebei, rule, false).invalidFields()).containsExactlyInAnyOrder("rdStaff",
				"staff");

		var missing = put(reps.get(hebei), id, hebei, Map.of("revenue", 10, "staff", 3.5), true);
		assertThat(missing.invalidFields()).containsExactlyInAnyOrder("staff", "size", "province");
		var draft = put(reps.get(hebei), id, hebei, Map.of("revenue", 10), false);
		assertThat(draft.status()).as("a draft may leave required fields empty").isEqualTo(201);
	}

	@Test
	void draftSubmitReopenAndEveryVersionKept() {
		long id = published(Map.of());
		TestClient rep = reps.get(hebei);
		var first = put(rep, id, hebei, Map.of("revenue", 500, "size", "小型"), false);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("DRAFT");
		var stale = rep.send("PUT", "/api/v1/surveys/" + id + "/responses/" + hebei,
				Map.of("values", goodAnswer(), "submit", false, "version", first.json().get("version").asLong() + 5));
		assertThat(stale.status()).as("a stale version").isEqualTo(409);
		var second = rep.send("PUT", "/api/v1/surveys/" + id + "/responses/" + hebei,
				Map.of("values", goodAnswer(), "submit", false, "version", first.json().get("version").asLong()));
		assertThat(second.status()).isEqualTo(200);
		assertThat(secretariat.get("/api/v1/surveys/" + id).json().get("responseRate").get("submitted").asInt()).isZero();
		var submitted = put(rep, id, hebei, goodAnswer(), true);
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().get("values").get("province").asString()).isEqualTo("130000");
		JsonNode rate = secretariat.get("/api/v1/surveys/" + id).json().get("responseRate");
		assertThat(rate.get("recipients").asInt()).isEqualTo(3);
		assertThat(rate.get("submitted").asInt()).isEqualTo(1);

		Double[] numbers = jdbc.sql("select numbers from survey_response where survey_id = ? and organization_id = ?")
			.params(id, hebei)
			.query((rs, i) -> (Double[]) rs.getArray(1).getArray())
			.single();
		assertThat(numbers).hasSize(11);
		assertThat(numbers[0]).isEqualTo(12500.5);
		assertThat(numbers[2]).isEqualTo(860.0);
		assertThat(numbers[7]).isEqualTo(1998.0);
		assertThat(numbers[5]).as("a choice is no number").isNull();
		assertThat(numbers[8]).as("nor is a region code").isNull();

		assertThat(put(rep, id, hebei, goodAnswer(), true).status()).as("submitted answers are locked").isEqualTo(409);
		assertThat(rep.post("/api/v1/surveys/" + id + "/responses/" + hebei + "/reopen", Map.of("reason", "自己改")).status())
			.isEqualTo(403);
		assertThat(secretariat.post("/api/v1/surveys/" + id + "/responses/" + hebei + "/reopen", Map.of()).invalidFields())
			.containsExactly("reason");
		var reopened = secretariat.post("/api/v1/surveys/" + id + "/responses/" + hebei + "/reopen",
				Map.of("reason", "营业收入单位应为万元，请核对"));
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.json().get("status").asString()).isEqualTo("REOPENED");
		Map<String, Object> corrected = goodAnswer();
		corrected.put("revenue", 13000);
		assertThat(put(rep, id, hebei, corrected, true).json().get("revision").asInt()).isEqualTo(5);

		JsonNode history = secretariat.get("/api/v1/surveys/" + id + "/responses/" + hebei + "/revisions").json();
		assertThat(history.size()).isEqualTo(5);
		assertThat(history.get(0).get("values").get("revenue").asInt()).isEqualTo(13000);
		assertThat(history.get(1).get("status").asString()).isEqualTo("REOPENED");
		assertThat(history.get(1).get("reason").asString()).isEqualTo("营业收入单位应为万元，请核对");
		assertThat(history.get(2).get("values").get("revenue").asDouble()).isEqualTo(12500.5);
		assertThat(history.get(4).get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void aMemberSeesOnlyItsOwnAnswersAndAnotherAllianceNothing() {
		long id = published(Map.of("audience", Map.of("regions", List.of("130000"))));
		assertThat(put(reps.get(hebei), id, hebei, goodAnswer(), true).status()).isEqualTo(201);

		assertThat(reps.get(university).get("/api/v1/surveys/" + id).status()).isEqualTo(200);
		assertThat(reps.get(university).get("/api/v1/surveys/" + id + "/responses/" + hebei).status()).isEqualTo(404);
		assertThat(reps.get(university).get("/api/v1/surveys/" + id + "/responses/" + hebei + "/revisions").status()).isEqualTo(404);
		assertThat(put(reps.get(university), id, hebei, goodAnswer(), false).status()).isEqualTo(403);
		assertThat(reps.get(hebei).get("/api/v1/surveys/" + id + "/responses/" + hebei).status()).isEqualTo(200);
		assertThat(reps.get(hebei).get("/api/v1/surveys/" + id + "/recipients").status()).isEqualTo(403);

		// 北京 is outside the audience: not asked, and does not see the survey
		assertThat(reps.get(beijing).get("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(put(reps.get(beijing), id, beijing, goodAnswer(), true).status()).isEqualTo(404);
		assertThat(put(secretariat, id, beijing, goodAnswer(), true).status()).isEqualTo(403);
		assertThat(reps.get(beijing).get("/api/v1/alliances/" + slug + "/surveys").json().get("total").asInt()).isZero();
		assertThat(reps.get(hebei).get("/api/v1/alliances/" + slug + "/surveys").json().get("total").asInt()).isEqualTo(1);

		String other = "o-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "另一联盟" + other));
		TestClient stranger = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		assertThat(stranger.get("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/surveys/" + id + "/responses/" + hebei).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/alliances/" + slug + "/surveys").status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/surveys/" + id + "/template.xlsx").status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/surveys/" + id + "/close", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/surveys/" + id + "/reminders", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/surveys/" + id + "/responses/" + hebei + "/reopen", Map.of("reason", "x")).status())
			.isEqualTo(404);
		assertThat(put(stranger, id, university, goodAnswer(), true).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/alliances/" + slug + "/surveys", survey(Map.of())).status()).isEqualTo(403);
		assertThat(client().get("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(client().send("PUT", "/api/v1/surveys/" + id + "/responses/" + hebei, Map.of("values", Map.of())).status())
			.isEqualTo(401);
		assertThat(secretariat.get("/api/v1/surveys/" + id + "/responses/" + hebei).status()).isEqualTo(200);
	}

	@Test
	void publishingFixesTheRecipientsOfTheAudience() {
		var created = secretariat.post("/api/v1/alliances/" + slug + "/surveys",
				survey(Map.of("audience", Map.of("types", List.of("ENTERPRISE"), "regions", List.of("130000")))));
		long id = created.json().get("id").asLong();
		assertThat(reps.get(hebei).get("/api/v1/surveys/" + id).status()).as("a draft is the secretariat's").isEqualTo(404);
		assertThat(put(secretariat, id, hebei, goodAnswer(), false).status()).isEqualTo(403);
		secretariat.post("/api/v1/surveys/" + id + "/publish", Map.of());
		assertThat(secretariat.post("/api/v1/surveys/" + id + "/publish", Map.of()).status()).isEqualTo(409);
		JsonNode recipients = secretariat.get("/api/v1/surveys/" + id + "/recipients").json();
		assertThat(recipients.size()).isEqualTo(1);
		assertThat(recipients.get(0).get("organizationId").asLong()).isEqualTo(hebei);
		assertThat(recipients.get(0).get("regionCode").asString()).isEqualTo("130000");
		assertThat(recipients.get(0).get("organizationType").asString()).isEqualTo("ENTERPRISE");
		// a member joining later is not asked: the denominator stays
		organization("ENTERPRISE", "河北省", "MEMBER");
		assertThat(secretariat.get("/api/v1/surveys/" + id).json().get("responseRate").get("recipients").asInt()).isEqualTo(1);

		var nobody = secretariat.post("/api/v1/alliances/" + slug + "/surveys",
				survey(Map.of("audience", Map.of("regions", List.of("650000")))));
		assertThat(secretariat.post("/api/v1/surveys/" + nobody.json().get("id").asLong() + "/publish", Map.of()).invalidFields())
			.containsExactly("audience");
	}

	@Test
	void noAnswersAfterTheDeadlineOrOnceClosedButAReopenedAnswerMayBeCorrected() {
		long id = published(Map.of());
		assertThat(put(reps.get(hebei), id, hebei, goodAnswer(), true).status()).isEqualTo(201);
		jdbc.sql("update survey set deadline = now() - interval '1 day' where id = ?").param(id).update();
		assertThat(put(reps.get(beijing), id, beijing, goodAnswer(), false).status()).isEqualTo(409);
		secretariat.post("/api/v1/surveys/" + id + "/responses/" + hebei + "/reopen", Map.of("reason", "补充出口数据"));
		assertThat(put(reps.get(hebei), id, hebei, goodAnswer(), true).status()).isEqualTo(200);
		assertThat(reps.get(hebei).post("/api/v1/surveys/" + id + "/close", Map.of()).status()).isEqualTo(403);
		assertThat(secretariat.post("/api/v1/surveys/" + id + "/close", Map.of()).status()).isEqualTo(200);
		jdbc.sql("update survey set deadline = now() + interval '1 day' where id = ?").param(id).update();
		assertThat(put(reps.get(beijing), id, beijing, goodAnswer(), false).status()).isEqualTo(409);
	}

	@Test
	void remindersReachOnlyThoseWhoHaveNotSubmitted() throws Exception {
		long id = published(Map.of());
		assertThat(put(reps.get(hebei), id, hebei, goodAnswer(), true).status()).isEqualTo(201);
		assertThat(put(reps.get(beijing), id, beijing, Map.of("revenue", 1), false).status()).isEqualTo(201);
		assertThat(reps.get(beijing).post("/api/v1/surveys/" + id + "/reminders", Map.of()).status()).isEqualTo(403);
		int before = MAIL.getReceivedMessages().length;
		var sent = secretariat.post("/api/v1/surveys/" + id + "/reminders", Map.of());
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.json().get("emails").asInt()).isEqualTo(2);
		List<MimeMessage> received = Arrays.stream(MAIL.getReceivedMessages()).skip(before).toList();
		List<String> to = new ArrayList<>();
		for (MimeMessage m : received) {
			to.add(m.getAllRecipients()[0].toString());
			assertThat(m.getSubject()).contains("2025年度行业统计调查");
			assertThat(plainText(m)).as("a link to the answer form")
				.containsPattern("http://localhost:8080/surveys/" + id + "/answer/(" + beijing + "|" + university + ")");
		}
		assertThat(to).containsExactlyInAnyOrder(emails.get(beijing), emails.get(university));
		JsonNode recipients = secretariat.get("/api/v1/surveys/" + id + "/recipients").json();
		recipients.forEach(r -> assertThat(r.get("reminders").asInt()).isEqualTo(r.get("organizationId").asLong() == hebei ? 0 : 1));
	}

	@Test
	void spreadsheetRoundTripSavesEveryRowOrNothing() throws Exception {
		long id = published(Map.of());
		var template = secretariat.getBytes("/api/v1/surveys/" + id + "/template.xlsx");
		assertThat(template.status()).isEqualTo(200);
		Map<Long, Integer> rowOf = new HashMap<>();
		byte[] good;
		byte[] bad;
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
			Sheet sheet = wb.getSheet("answers");
			Row keys = sheet.getRow(1);
			Map<String, Integer> column = new HashMap<>();
			keys.forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
			assertThat(column).containsKeys("organizationId", "revenue", "province", "products");
			assertThat(sheet.getRow(0).getCell(column.get("revenue")).getStringCellValue()).contains("营业收入", "万元");
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				rowOf.put((long) sheet.getRow(r).getCell(0).getNumericCellValue(), r);
			}
			assertThat(rowOf).containsOnlyKeys(hebei, beijing, university);
			for (long org : List.of(hebei, beijing)) {
				Row row = sheet.getRow(rowOf.get(org));
				Map<String, Object> v = goodAnswer();
				v.put("revenue", org == hebei ? 20000 : 30000);
				v.forEach((k, value) -> {
					var cell = row.createCell(column.get(k));
					if (value instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (value instanceof List<?> l) {
						cell.setCellValue(String.join("|", l.stream().map(String::valueOf).toList()));
					}
					else {
						cell.setCellValue(value.toString());
					}
				});
			}
			assertThat(wb.getSheet("regions").getRow(3).getCell(0).getStringCellValue()).isEqualTo("130000 河北省");
			sheet.getRow(rowOf.get(beijing)).getCell(column.get("province")).setCellValue("130000 河北省");
			good = bytes(wb);
			sheet.getRow(rowOf.get(hebei)).getCell(column.get("revenue")).setCellValue("很多");
			sheet.getRow(rowOf.get(beijing)).getCell(column.get("province")).setCellValue("999999");
			sheet.getRow(rowOf.get(beijing)).getCell(column.get("exportRevenue")).setCellValue(99999);
			bad = bytes(wb);
		}
		var refused = secretariat.upload("/api/v1/surveys/" + id + "/responses.xlsx", "answers.xlsx", bad);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		int h = rowOf.get(hebei) + 1;
		int b = rowOf.get(beijing) + 1;
		assertThat(refused.invalidFields()).containsExactlyInAnyOrder("rows[" + h + "].revenue", "rows[" + b + "].province",
				"rows[" + b + "].exportRevenue", "rows[" + b + "].revenue");
		assertThat(secretariat.get("/api/v1/surveys/" + id + "/responses/" + beijing).status()).as("nothing saved").isEqualTo(404);

		var accepted = secretariat.upload("/api/v1/surveys/" + id + "/responses.xlsx", "answers.xlsx", good);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("saved").asInt()).isEqualTo(2);
		JsonNode stored = reps.get(beijing).get("/api/v1/surveys/" + id + "/responses/" + beijing).json();
		assertThat(stored.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(stored.get("values").get("revenue").asInt()).isEqualTo(30000);
		assertThat(stored.get("values").get("products").get(1).asString()).isEqualTo("阀门");
		assertThat(stored.get("values").get("province").asString()).isEqualTo("130000");
		assertThat(secretariat.get("/api/v1/surveys/" + id).json().get("responseRate").get("submitted").asInt()).isEqualTo(2);

		// a member's representative gets a template of its own organisation only, and may not upload others'
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(reps.get(university).getBytes("/api/v1/surveys/" + id + "/template.xlsx").bytes()))) {
			assertThat(wb.getSheet("answers").getLastRowNum()).isEqualTo(3);
			assertThat((long) wb.getSheet("answers").getRow(3).getCell(0).getNumericCellValue()).isEqualTo(university);
		}
		assertThat(reps.get(university).upload("/api/v1/surveys/" + id + "/responses.xlsx", "answers.xlsx", good).invalidFields())
			.contains("rows[" + h + "].organizationId", "rows[" + b + "].organizationId");
		assertThat(secretariat.upload("/api/v1/surveys/" + id + "/responses.xlsx", "answers.xlsx", "not a sheet".getBytes()).invalidFields())
			.containsExactly("file");
	}

	@Test
	void aSurveyStartsAsACopyOfLastPeriods() {
		long previous = published(Map.of("period", "2024", "title", "2024年度行业统计调查", "sizeField", "size"));
		var copy = secretariat.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", "2025年度行业统计调查", "period",
				"2025", "deadline", "2099-03-31T17:00:00+08:00", "copiedFrom", previous));
		assertThat(copy.status()).as(copy.body()).isEqualTo(201);
		JsonNode s = copy.json();
		assertThat(s.get("copiedFrom").asLong()).isEqualTo(previous);
		assertThat(s.get("status").asString()).isEqualTo("DRAFT");
		assertThat(s.get("fields").size()).isEqualTo(11);
		assertThat(s.get("fields").get(0).get("unit").asString()).isEqualTo("万元");
		assertThat(s.get("rules").get(1).get("expression").asString()).isEqualTo("rdStaff <= staff");
		assertThat(s.get("sizeField").asString()).isEqualTo("size");
		var viaCopies = secretariat.post("/api/v1/surveys/" + previous + "/copies", Map.of("period", "2026",
				"deadline", "2099-03-31T17:00:00+08:00"));
		assertThat(viaCopies.status()).isEqualTo(201);
		assertThat(viaCopies.json().get("fields").size()).isEqualTo(11);
		assertThat(viaCopies.json().get("period").asString()).isEqualTo("2026");
		assertThat(reps.get(hebei).post("/api/v1/surveys/" + previous + "/copies", Map.of("period", "2026",
				"deadline", "2099-03-31T17:00:00+08:00")).status()).isEqualTo(403);

		String other = "c-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "另一联盟" + other));
		var foreign = admin.post("/api/v1/alliances/" + other + "/surveys", Map.of("title", "抄袭", "period", "2025",
				"deadline", "2099-03-31T17:00:00+08:00", "copiedFrom", previous));
		assertThat(foreign.invalidFields()).containsExactly("copiedFrom");
	}

	@Test
	void aFileFieldTakesAFileUploadedForThatAnswerOnly() {
		long id = published(Map.of("fields", List.of(Map.of("key", "licence", "label", "营业执照", "type", "FILE", "required", true)),
				"rules", List.of()));
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		var uploaded = reps.get(hebei).upload("/api/v1/surveys/" + id + "/responses/" + hebei + "/files", "执照.pdf", pdf);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
		long file = uploaded.json().get("id").asLong();
		assertThat(reps.get(beijing).upload("/api/v1/surveys/" + id + "/responses/" + hebei + "/files", "x.pdf", pdf).status())
			.isEqualTo(403);
		assertThat(reps.get(hebei).upload("/api/v1/surveys/" + id + "/responses/" + hebei + "/files", "run.sh",
				"#!/bin/sh\nrm -rf /\n".getBytes()).status()).isEqualTo(415);
		assertThat(put(reps.get(beijing), id, beijing, Map.of("licence", file), true).invalidFields())
			.as("another organisation's file").containsExactly("licence");
		assertThat(put(reps.get(hebei), id, hebei, Map.of("licence", file), true).status()).isEqualTo(201);
		assertThat(reps.get(hebei).getBytes("/api/v1/survey-files/" + file).bytes()).isEqualTo(pdf);
		assertThat(secretariat.getBytes("/api/v1/survey-files/" + file).status()).isEqualTo(200);
		assertThat(reps.get(beijing).getBytes("/api/v1/survey-files/" + file).status()).isEqualTo(404);
	}

	@Test
	void theDemoNetworkHasAnAnnualSurveyOfTheChemicalFibreAlliance() {
		TestClient huaxian = client().login("huaxian", "demo-secretariat");
		JsonNode list = huaxian.get("/api/v1/alliances/huaxian/surveys").json();
		assertThat(list.get("total").asInt()).isEqualTo(1);
		JsonNode rate = list.get("items").get(0).get("responseRate");
		assertThat(rate.get("submitted").asInt()).isEqualTo(9);
		assertThat(rate.get("drafts").asInt()).isEqualTo(3);
		assertThat(rate.get("recipients").asInt()).isGreaterThan(12);
	}

	@Autowired
	SurveyReminders reminders;

	@Test
	void aSurveyDueWithinDaysRemindsByItselfOnceADay() throws Exception {
		long id = published(Map.of());
		assertThat(put(reps.get(hebei), id, hebei, goodAnswer(), true).status()).isEqualTo(201);
		int before = MAIL.getReceivedMessages().length;
		reminders.remindBeforeDeadlines();
		assertThat(to(before)).as("the deadline is far").doesNotContain(emails.get(beijing));
		jdbc.sql("update survey set deadline = now() + interval '2 days' where id = ?").param(id).update();
		before = MAIL.getReceivedMessages().length;
		reminders.remindBeforeDeadlines();
		assertThat(to(before)).contains(emails.get(beijing), emails.get(university)).doesNotContain(emails.get(hebei));
		before = MAIL.getReceivedMessages().length;
		reminders.remindBeforeDeadlines();
		assertThat(to(before)).as("once a day at most").doesNotContain(emails.get(beijing), emails.get(university));
	}

	List<String> to(int before) throws Exception {
		List<String> to = new ArrayList<>();
		for (MimeMessage m : Arrays.stream(MAIL.getReceivedMessages()).skip(before).toList()) {
			to.add(m.getAllRecipients()[0].toString());
		}
		return to;
	}

	static byte[] bytes(Workbook wb) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		wb.write(out);
		return out.toByteArray();
	}
}
