package org.alliancehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A standard the alliance published before the platform is recorded directly as published, through the API and
 * the desk form: its history says it was recorded and by whom, every invalid field is named, its number is unique.
 */
class RecordedStandardsIntegrationTests extends IntegrationTest {

	StandardsFixtures f;

	final LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void alliance() {
		f = new StandardsFixtures(admin(), client());
	}

	Map<String, Object> published(String number) {
		Map<String, Object> body = new HashMap<>();
		body.put("number", number);
		body.put("title", "渣浆泵 叶轮 技术条件");
		body.put("scope", "本文件规定了渣浆泵叶轮的技术要求。");
		body.put("issuedOn", "2019-06-01");
		body.put("effectiveOn", "2019-07-01");
		return body;
	}

	@Test
	void theSecretariatRecordsAStandardPublishedBeforeThePlatformAndItsHistorySaysSo() {
		String number = StandardsFixtures.number(2019);
		var r = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", published(number.replace('—', '-')));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		JsonNode s = f.standard(id);
		assertThat(s.get("stage").asString()).isEqualTo("PUBLISHED");
		assertThat(s.get("number").asString()).isEqualTo(number);
		assertThat(s.get("issuedOn").asString()).isEqualTo("2019-06-01");
		assertThat(s.get("effectiveOn").asString()).isEqualTo("2019-07-01");
		JsonNode history = s.get("history");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("event").asString()).isEqualTo("recorded-published");
		assertThat(history.get(0).get("reason").asString()).contains("not run through the workflow");
		assertThat(history.get(0).get("actor").asString()).isNotBlank().isNotEqualTo("anonymous");
		assertThat(f.secretariat.upload("/api/v1/standards/" + id + "/document", "old.pdf", StandardsFixtures.PDF).status())
			.as("its final PDF may follow").isEqualTo(200);
		assertThat(f.anonymous.get("/a/" + f.slug + "/standards").body()).contains(number);

		var again = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", published(number));
		assertThat(again.status()).as("the number is taken: " + again.body()).isEqualTo(409);
		var today = published(StandardsFixtures.number(this.today.getYear()));
		today.put("issuedOn", this.today.toString());
		today.put("effectiveOn", this.today.toString());
		assertThat(f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", today).status())
			.as("issued and effective today").isEqualTo(201);
	}

	@Test
	void eachAmendmentOfAPublishedStandardIsANumberedVersionInItsHistoryOnItsPageAndInTheApi() {
		String number = StandardsFixtures.number(2019);
		var r = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", published(number));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		String stage = "/api/v1/standards/" + id + "/stage";
		var early = f.secretariat.post(stage, Map.of("stage", "AMENDED", "reason", "早于发布", "amendedOn", "2019-01-01"));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.invalidFields()).containsExactly("amendedOn");
		var first = f.secretariat.post(stage, Map.of("stage", "AMENDED", "reason", "修改第 4.2 条硬度要求", "amendedOn", "2021-03-01"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		var second = f.secretariat.post(stage, Map.of("stage", "AMENDED", "reason", "增加附录 C", "amendmentNumber",
				number + "/XG2—2023", "amendedOn", "2023-05-10"));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(f.secretariat.post(stage, Map.of("stage", "AMENDED", "reason", "重复编号", "amendmentNumber",
				number + "/XG2—2023")).status()).as("an amendment number is taken once").isEqualTo(409);

		JsonNode s = f.standard(id);
		assertThat(s.get("stage").asString()).isEqualTo("AMENDED");
		JsonNode amendments = s.get("amendments");
		assertThat(amendments).hasSize(2);
		assertThat(amendments.get(0).get("seq").asInt()).isEqualTo(1);
		assertThat(amendments.get(0).get("number").asString()).isEqualTo(number + "/XG1—2021");
		assertThat(amendments.get(0).get("issuedOn").asString()).isEqualTo("2021-03-01");
		assertThat(amendments.get(1).get("seq").asInt()).isEqualTo(2);
		assertThat(amendments.get(1).get("number").asString()).isEqualTo(number + "/XG2—2023");
		assertThat(s.get("history").valueStream().map(h -> h.get("event").asString()))
			.containsExactly("recorded-published", "amendment-1", "amendment-2");

		String page = f.anonymous.get("/a/" + f.slug + "/standards/" + id).body();
		int table = page.indexOf("id=\"amendments\"");
		assertThat(table).isPositive();
		assertThat(page.substring(table, page.indexOf("</table>", table))).contains("第 1 号修改单", number + "/XG1—2021",
				"修改第 4.2 条硬度要求", "第 2 号修改单", number + "/XG2—2023", "增加附录 C");
		assertThat(StandardsPagesIntegrationTests.history(page)).contains("发布第 1 号修改单", "发布第 2 号修改单");
	}

	@Test
	void everyInvalidFieldIsNamedAndAFutureIssueIsRefused() {
		var r = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published",
				Map.of("number", "GB/T 1-2019", "title", " ", "issuedOn", "2019-13-01", "effectiveOn", "x"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactlyInAnyOrder("number", "title", "scope", "issuedOn", "effectiveOn");
		var future = published(StandardsFixtures.number(today.plusYears(1).getYear()));
		future.put("issuedOn", today.plusYears(1).toString());
		future.put("effectiveOn", today.plusYears(1).toString());
		var refused = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", future);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.invalidFields()).containsExactly("issuedOn");
		var before = published(StandardsFixtures.number(2019));
		before.put("effectiveOn", "2019-05-01");
		assertThat(f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards/published", before).invalidFields())
			.containsExactly("effectiveOn");
		assertThat(f.outsider().post("/api/v1/alliances/" + f.slug + "/standards/published",
				published(StandardsFixtures.number(2019))).status()).isEqualTo(403);
	}

	@Test
	void theDeskFormRecordsAPublishedStandardOrNamesItsFields() {
		FormSession desk = FormSession.signIn(admin(), port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		String base = "/admin/a/" + f.slug + "/standards";
		assertThat(desk.get(base).body()).contains("id=\"record-published\"");
		HttpResponse<String> invalid = desk.post(base, base + "/published", form(Map.of("number", "x", "title", "标题")));
		assertThat(invalid.headers().firstValue("Location").orElseThrow()).contains("error=").contains("number")
			.contains("scope").contains("issuedOn").contains("effectiveOn").doesNotContain("title");
		String number = StandardsFixtures.number(2018);
		HttpResponse<String> recorded = desk.post(base, base + "/published", form(Map.of("number", number, "title", "表单登记的标准",
				"scope", "范围", "issuedOn", "2018-03-01", "effectiveOn", "2018-04-01")));
		String location = recorded.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/admin/a/" + f.slug + "/standards/\\d+$");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(f.stage(id)).isEqualTo("PUBLISHED");
		assertThat(f.anonymous.get("/a/" + f.slug + "/standards/" + id).body()).contains("recorded-published", number);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b).orElse("");
	}
}
