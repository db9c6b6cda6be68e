package org.alliancehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Standards are in the site search: found by their title, scope and number, with their page as the hit's address. */
class StandardSearchIntegrationTests extends IntegrationTest {

	@Test
	void aRecordedStandardIsFoundByItsScopeAndNumberAndLeadsToItsPage() {
		String slug = "ss-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "搜索联盟" + slug)).status()).isEqualTo(201);
		TestClient secretariat = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String code = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
		String number = "T/Z" + code.substring(0, Math.min(6, code.length())) + " 002—2021";
		var r = secretariat.post("/api/v1/alliances/" + slug + "/standards/published", Map.of("number", number, "title",
				"蛭石耐火隔热板 技术条件", "scope", "本文件规定了蛭石耐火隔热板的分类和技术要求。", "issuedOn", "2021-03-01",
				"effectiveOn", "2021-04-01"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode hits = client().get("/api/v1/search?q=" + URLEncoder.encode("蛭石耐火隔热板", StandardCharsets.UTF_8)
					+ "&alliance=" + slug).json();
			assertThat(hits.get("items").valueStream().filter(h -> h.get("type").asString().equals("STANDARD"))
				.map(h -> h.get("url").asString())).containsExactly("/a/" + slug + "/standards/" + id);
		});
		assertThat(client().get("/search?q=" + URLEncoder.encode("蛭石耐火隔热板", StandardCharsets.UTF_8)).body())
			.contains("/a/" + slug + "/standards/" + id);
	}
}
