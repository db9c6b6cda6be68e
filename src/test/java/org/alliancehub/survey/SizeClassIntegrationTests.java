package org.alliancehub.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Respondents classed by size, from the class they chose or from their operating revenue, through the real API. */
class SizeClassIntegrationTests extends IntegrationTest {

	TestClient secretariat;

	String slug;

	List<Long> organizations = new java.util.ArrayList<>();

	@BeforeEach
	void alliance() {
		TestClient admin = admin();
		slug = "z-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "规模测试联盟" + slug));
		secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		for (int i = 0; i < 4; i++) {
			long id = admin.post("/api/v1/organizations", Map.of("name", "规模单位" + UUID.randomUUID(), "type", "ENTERPRISE",
					"region", "河北省")).json().get("id").asLong();
			admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", "MEMBER"));
			organizations.add(id);
		}
	}

	long survey(String sizeField) {
		var created = secretariat.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", "规模调查", "period", "2025",
				"deadline", "2099-03-31T17:00:00+08:00", "sizeField", sizeField, "fields",
				List.of(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL", "unit", "万元", "required", true),
						Map.of("key", "size", "label", "企业规模", "type", "CHOICE", "required", true, "options",
								List.of("大型", "中型", "小型", "微型")))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(secretariat.post("/api/v1/surveys/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	void answer(long survey, int organization, double revenue, String size) {
		var r = secretariat.put("/api/v1/surveys/" + survey + "/responses/" + organizations.get(organization),
				Map.of("values", Map.of("revenue", revenue, "size", size), "submit", true));
		assertThat(r.status()).as(r.body()).isIn(200, 201);
	}

	Map<String, Integer> bySize(long survey) {
		JsonNode s = secretariat.get("/api/v1/surveys/" + survey + "/statistics?groupBy=size").json();
		Map<String, Integer> groups = new HashMap<>();
		s.get("groups").forEach(g -> groups.put(g.get("group").asString(), g.get("respondents").asInt()));
		return groups;
	}

	@Test
	void theClassAnOrganisationChoseIsItsSizeClass() {
		long survey = survey("size");
		answer(survey, 0, 10, "大型");
		answer(survey, 1, 10, "大型");
		answer(survey, 2, 10, "中型");
		answer(survey, 3, 90000, "微型");
		assertThat(bySize(survey)).containsEntry("LARGE", 2).containsEntry("MEDIUM", 1).containsEntry("MICRO", 1);
	}

	@Test
	void operatingRevenueInTenThousandYuanClassesByTheNationalThresholds() {
		long survey = survey("revenue");
		answer(survey, 0, 40000, "微型");
		answer(survey, 1, 39999.5, "微型");
		answer(survey, 2, 300, "大型");
		answer(survey, 3, 299, "大型");
		assertThat(bySize(survey)).containsEntry("LARGE", 1).containsEntry("MEDIUM", 1).containsEntry("SMALL", 1)
			.containsEntry("MICRO", 1);
	}

	@Test
	void aSizeFieldMustBeAClassChoiceOrANumber() {
		var refused = secretariat.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", "规模调查", "period", "2025",
				"deadline", "2099-03-31T17:00:00+08:00", "sizeField", "note", "fields",
				List.of(Map.of("key", "note", "label", "备注", "type", "TEXT", "required", false))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.invalidFields()).containsExactly("sizeField");
	}
}
