package org.alliancehub.annual;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity score: computed from the records by the published formula, versioned, and recomputable under
 * an old version after the formula changed.
 */
class ActivityScoreIntegrationTests extends IntegrationTest {

	static final int YEAR = 2022;

	String alliance(TestClient admin, int articles, int briefings) {
		String slug = "as-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "活跃联盟" + slug)).status()).isEqualTo(201);
		for (int i = 0; i < articles; i++) {
			assertThat(admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "动态" + i, "category", "ALLIANCE_NEWS",
					"body", "<p>x</p>", "status", "PUBLISHED", "publishedAt", YEAR + "-04-0" + (i + 1) + "T09:00:00+08:00"))
				.status()).isEqualTo(201);
		}
		for (int i = 0; i < briefings; i++) {
			assertThat(admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 100 + i, "title", "简报" + i,
					"publishedOn", YEAR + "-07-0" + (i + 1), "body", "<p>x</p>")).status()).isEqualTo(201);
		}
		return slug;
	}

	int formula(TestClient admin, double articleWeight) {
		var r = admin.put("/api/v1/activity/formula", Map.of("normalisation", "CAP", "note", "测试", "indicators", List.of(
				Map.of("key", "articles.published", "weight", articleWeight, "cap", 4),
				Map.of("key", "briefings.published", "weight", 100 - articleWeight, "cap", 2))));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("version").asInt();
	}

	static JsonNode item(JsonNode ranking, String slug) {
		for (JsonNode i : ranking.get("items")) {
			if (i.get("alliance").asString().equals(slug)) {
				return i;
			}
		}
		throw new AssertionError(slug + " not ranked");
	}

	@Test
	void scoresAreRecomputedFromTheRecordsAndOldVersionsStayReproducible() {
		TestClient admin = admin();
		String busy = alliance(admin, 3, 1);
		String quiet = alliance(admin, 1, 0);
		int v1 = formula(admin, 60);
		var ranking = admin.get("/api/v1/activity?period=" + YEAR + "&formula=" + v1);
		assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
		JsonNode b = item(ranking.json(), busy);
		// 3 of 4 articles × 60 + 1 of 2 briefings × 40
		assertThat(b.get("score").asDouble()).isEqualTo(65.0);
		assertThat(b.get("indicators").get(0).get("key").asString()).isEqualTo("articles.published");
		assertThat(b.get("indicators").get(0).get("value").asLong()).isEqualTo(3);
		assertThat(b.get("indicators").get(0).get("weight").asDouble()).isEqualTo(60.0);
		assertThat(b.get("indicators").get(0).get("points").asDouble()).isEqualTo(45.0);
		assertThat(b.get("indicators").get(1).get("points").asDouble()).isEqualTo(20.0);
		assertThat(item(ranking.json(), quiet).get("score").asDouble()).isEqualTo(15.0);
		long better = 0;
		for (JsonNode i : ranking.json().get("items")) {
			if (i.get("score").asDouble() > 65.0) {
				better++;
			}
		}
		assertThat(b.get("rank").asLong()).isEqualTo(better + 1);
		assertThat(item(ranking.json(), quiet).get("rank").asInt()).isGreaterThan(b.get("rank").asInt());

		int v2 = formula(admin, 20);
		assertThat(v2).isGreaterThan(v1);
		assertThat(item(admin.get("/api/v1/activity?period=" + YEAR + "&formula=" + v2).json(), busy).get("score").asDouble())
			.isEqualTo(15.0 + 40.0);
		// the old version answers as it did
		assertThat(item(admin.get("/api/v1/activity?period=" + YEAR + "&formula=" + v1).json(), busy).get("score").asDouble())
			.isEqualTo(65.0);
		assertThat(client().get("/api/v1/activity/formula?version=" + v1).json().get("indicators").get(0).get("weight").asDouble())
			.isEqualTo(60.0);
		assertThat(client().get("/api/v1/activity/formula").json().get("version").asInt()).isGreaterThanOrEqualTo(v2);
	}

	@Test
	void onlyTheAdministratorChangesTheFormulaAndEveryInvalidFieldIsNamed() {
		TestClient admin = admin();
		TestClient secretariat = TestClient.userWith(admin, client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", alliance(admin, 0, 0))));
		var body = Map.of("normalisation", "CAP", "indicators", List.of(Map.of("key", "articles.published", "weight", 10, "cap", 1)));
		assertThat(secretariat.put("/api/v1/activity/formula", body).status()).isEqualTo(403);
		assertThat(client().put("/api/v1/activity/formula", body).status()).isEqualTo(401);
		var bad = admin.put("/api/v1/activity/formula", Map.of("indicators", List.of(Map.of("key", "", "weight", 200, "cap", 0))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.invalidFields()).contains("normalisation", "indicators[0].key", "indicators[0].weight", "indicators[0].cap");
		var unknown = admin.put("/api/v1/activity/formula", Map.of("normalisation", "BEST", "indicators", List.of(
				Map.of("key", "coffee.drunk", "weight", 10, "cap", 1))));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("indicators[0].key");
		assertThat(admin.get("/api/v1/activity?period=20x6").invalidFields()).containsExactly("period");
		assertThat(client().get("/api/v1/activity?period=2026").status()).isEqualTo(401);
		assertThat(secretariat.get("/api/v1/activity?period=2026").status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/activity?period=2026&formula=999999").status()).isEqualTo(404);
	}
}
