package org.alliancehub.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A draft survey is changed or deleted through the API by its own secretariat only, and never once published. */
class SurveyEditIntegrationTests extends IntegrationTest {

	TestClient admin;

	TestClient secretariat;

	String slug;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "se-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "调查编辑联盟" + slug)).status()).isEqualTo(201);
		secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		long org = admin.post("/api/v1/organizations", Map.of("name", "编辑单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"region", "河北省")).json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER")).status())
			.isEqualTo(201);
	}

	long draft() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "2025年度统计");
		body.put("period", "2025");
		body.put("fields", SurveyIntegrationTests.fields());
		body.put("rules", List.of(Map.of("expression", "exportRevenue <= revenue", "message", "出口收入不能大于营业收入")));
		body.put("deadline", "2099-03-31T17:00:00+08:00");
		var created = secretariat.post("/api/v1/alliances/" + slug + "/surveys", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void theSecretariatChangesADraftItsFieldsAndRulesReplacedAndTheVersionBumped() {
		long id = draft();
		JsonNode before = secretariat.get("/api/v1/surveys/" + id).json();
		long version = before.get("version").asLong();
		var changed = secretariat.patch("/api/v1/surveys/" + id, Map.of("title", "2025年度统计（修订）", "version", version,
				"fields", List.of(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL", "unit", "万元", "required", true),
						Map.of("key", "staff", "label", "从业人员", "type", "INTEGER", "required", true),
						Map.of("key", "size", "label", "企业规模", "type", "CHOICE", "options", List.of("大型", "中型"))),
				"rules", List.of(Map.of("expression", "staff >= 1", "message", "至少一人")), "sizeField", "size"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode after = secretariat.get("/api/v1/surveys/" + id).json();
		assertThat(after.get("title").asString()).isEqualTo("2025年度统计（修订）");
		assertThat(after.get("period").asString()).isEqualTo("2025");
		assertThat(after.get("version").asLong()).isEqualTo(version + 1);
		assertThat(after.get("fields").valueStream().map(f -> f.get("key").asString()).toList())
			.containsExactly("revenue", "staff", "size");
		assertThat(after.get("fields").get(1).get("position").asInt()).isEqualTo(2);
		assertThat(after.get("rules").valueStream().map(r -> r.get("expression").asString()).toList())
			.containsExactly("staff >= 1");
		assertThat(after.get("sizeField").asString()).isEqualTo("size");

		var onlyDeadline = secretariat.patch("/api/v1/surveys/" + id, Map.of("deadline", "2099-06-30T17:00:00+08:00"));
		assertThat(onlyDeadline.status()).as(onlyDeadline.body()).isEqualTo(200);
		assertThat(onlyDeadline.json().get("fields").size()).isEqualTo(3);
		assertThat(onlyDeadline.json().get("rules").size()).isEqualTo(1);
		assertThat(onlyDeadline.json().get("version").asLong()).isEqualTo(version + 2);

		boolean audited = false;
		for (int i = 0; i < 50 && !audited; i++) {
			audited = secretariat.get("/api/v1/audit?size=100").json().get("items").valueStream()
				.anyMatch(e -> e.get("action").asString().equals("survey.edited")
						&& e.get("subject").asString().equals("survey:" + id));
			sleep();
		}
		assertThat(audited).isTrue();
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		long id = draft();
		long version = secretariat.get("/api/v1/surveys/" + id).json().get("version").asLong();
		assertThat(secretariat.patch("/api/v1/surveys/" + id, Map.of("title", "第一次修改", "version", version)).status())
			.isEqualTo(200);
		var stale = secretariat.patch("/api/v1/surveys/" + id, Map.of("title", "过时的修改", "version", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("changed by someone else");
		assertThat(secretariat.get("/api/v1/surveys/" + id).json().get("title").asString()).isEqualTo("第一次修改");
		assertThat(secretariat.delete("/api/v1/surveys/" + id + "?version=" + version).status()).isEqualTo(409);
		assertThat(secretariat.get("/api/v1/surveys/" + id).status()).isEqualTo(200);
	}

	@Test
	void aPublishedSurveyIsNeitherChangedNorDeleted() {
		long id = draft();
		assertThat(secretariat.post("/api/v1/surveys/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		var refused = secretariat.patch("/api/v1/surveys/" + id, Map.of("title", "发布后修改"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("published", "only a draft");
		assertThat(secretariat.delete("/api/v1/surveys/" + id).status()).isEqualTo(409);
		JsonNode s = secretariat.get("/api/v1/surveys/" + id).json();
		assertThat(s.get("title").asString()).isEqualTo("2025年度统计");
		assertThat(s.get("status").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void anotherAlliancesSecretariatSeesNothingAndChangesNothing() {
		long id = draft();
		long version = secretariat.get("/api/v1/surveys/" + id).json().get("version").asLong();
		String other = "so-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", other, "name", "另一联盟" + other)).status()).isEqualTo(201);
		TestClient stranger = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		assertThat(stranger.patch("/api/v1/surveys/" + id, Map.of("title", "越权修改")).status()).isEqualTo(404);
		assertThat(stranger.delete("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(client().patch("/api/v1/surveys/" + id, Map.of("title", "匿名修改")).status()).isEqualTo(401);
		JsonNode s = secretariat.get("/api/v1/surveys/" + id).json();
		assertThat(s.get("title").asString()).isEqualTo("2025年度统计");
		assertThat(s.get("version").asLong()).isEqualTo(version);
		assertThat(s.get("fields").size()).isEqualTo(SurveyIntegrationTests.fields().size());
	}

	@Test
	void anInvalidChangeNamesEveryMistakeAtOnceAndChangesNothing() {
		long id = draft();
		JsonNode before = secretariat.get("/api/v1/surveys/" + id).json();
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("title", " ");
		bad.put("fields", List.of(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL"),
				Map.of("key", "revenue", "label", "重复", "type", "MONEY")));
		bad.put("rules", List.of(Map.of("expression", "exportRevenue <= revenue", "message", "出口")));
		bad.put("audience", Map.of("regions", List.of("999999")));
		bad.put("sizeField", "nothing");
		bad.put("version", before.get("version").asLong());
		var refused = secretariat.patch("/api/v1/surveys/" + id, bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.invalidFields()).contains("title", "fields[1].key", "fields[1].type", "rules[0].expression",
				"audience.regions[0]", "sizeField");
		JsonNode after = secretariat.get("/api/v1/surveys/" + id).json();
		assertThat(after.get("title").asString()).isEqualTo(before.get("title").asString());
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(after.get("fields")).isEqualTo(before.get("fields"));
		assertThat(after.get("rules")).isEqualTo(before.get("rules"));
	}

	@Test
	void aDraftIsDeleted() {
		long id = draft();
		var deleted = secretariat.delete("/api/v1/surveys/" + id);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		assertThat(secretariat.get("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(secretariat.delete("/api/v1/surveys/" + id).status()).isEqualTo(404);
		assertThat(secretariat.get("/api/v1/alliances/" + slug + "/surveys").json().get("items").valueStream()
			.noneMatch(s -> s.get("id").asLong() == id)).isTrue();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
