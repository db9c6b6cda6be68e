package org.alliancehub.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's region given as a GB/T 2260 code or as a name is stored as the code, shown by name, and lands
 * in its province in every breakdown (issue 9, finding 10: 130000 used to land in 未知).
 */
class OrganizationRegionCodeIntegrationTests extends IntegrationTest {

	@Test
	void aRegionGivenByCodeOrNameIsStoredAsTheCodeAndShownByName() {
		TestClient admin = admin();
		JsonNode byCode = created(admin, Map.of("name", "代码单位" + UUID.randomUUID(), "type", "ENTERPRISE", "region", "130000"));
		assertThat(byCode.get("region").asString()).isEqualTo("河北省");
		assertThat(byCode.get("regionCode").asString()).isEqualTo("130000");
		JsonNode shortName = created(admin, Map.of("name", "简称单位" + UUID.randomUUID(), "type", "ENTERPRISE", "region", "河北"));
		assertThat(shortName.get("regionCode").asString()).isEqualTo("130000");
		JsonNode city = created(admin, Map.of("name", "城市单位" + UUID.randomUUID(), "type", "ENTERPRISE", "region", "石家庄市"));
		assertThat(city.get("regionCode").asString()).isEqualTo("130100");
		assertThat(city.get("region").asString()).isEqualTo("河北省石家庄市");

		var unknown = admin.post("/api/v1/organizations", Map.of("name", "火星单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"region", "火星"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("region");

		long id = shortName.get("id").asLong();
		var patched = admin.patch("/api/v1/organizations/" + id, Map.of("region", "320000"));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("region").asString()).isEqualTo("江苏省");
		assertThat(admin.patch("/api/v1/organizations/" + id, Map.of("region", "999999")).status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/organizations/" + id).json().get("regionCode").asString()).isEqualTo("320000");

		JsonNode found = client().get("/api/v1/organizations?region=河北省&q=" + byCode.get("name").asString()).json();
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(client().get("/api/v1/organizations?region=130000&q=" + city.get("name").asString()).json()
			.get("total").asLong()).as("a province's cities are in it").isEqualTo(1);
		assertThat(client().get("/api/v1/organizations?region=北京市&q=" + city.get("name").asString()).json()
			.get("total").asLong()).isZero();
	}

	@Test
	void anOrganisationWhoseRegionIsACodeLandsInItsProvinceInTheSurveyBreakdown() {
		TestClient admin = admin();
		SurveyFixtures fixtures = new SurveyFixtures(admin, "http://127.0.0.1:" + port);
		String slug = (String) fixtures.alliance("rc")[1];
		long[] orgs = { fixtures.member(slug, "ENTERPRISE", "130000"), fixtures.member(slug, "ENTERPRISE", "130000"),
				fixtures.member(slug, "ENTERPRISE", "河北省"), fixtures.member(slug, "ENTERPRISE", "130100") };
		assertThat(client().get("/api/v1/alliances/" + slug + "/members/" + orgs[0]).json().get("region").asString())
			.isEqualTo("河北省");
		long survey = fixtures.draft(slug, "地区统计", "2024", null, null,
				List.of(new SurveyFixtures.Field("revenue", "营业收入", "DECIMAL", "万元")));
		fixtures.publish(survey);
		for (int i = 0; i < orgs.length; i++) {
			fixtures.answer(survey, orgs[i], true, Map.of("revenue", 100 * (i + 1)));
		}
		JsonNode recipients = admin.get("/api/v1/surveys/" + survey + "/recipients").json();
		assertThat(recipients.toString()).contains("\"regionCode\":\"130000\"").doesNotContain("\"regionCode\":null");

		JsonNode s = admin.get("/api/v1/surveys/" + survey + "/statistics?groupBy=region").json();
		JsonNode hebei = null;
		for (JsonNode g : s.get("groups")) {
			if ("130000".equals(g.get("group").asString())) {
				hebei = g;
			}
		}
		assertThat(hebei).as(s.toString()).isNotNull();
		assertThat(hebei.get("label").asString()).isEqualTo("河北省");
		assertThat(hebei.get("respondents").asInt()).isEqualTo(4);
		assertThat(s.get("groups").size()).as("no 未知 group").isEqualTo(1);
	}

	private static JsonNode created(TestClient admin, Map<String, Object> organization) {
		var r = admin.post("/api/v1/organizations", organization);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}
}
