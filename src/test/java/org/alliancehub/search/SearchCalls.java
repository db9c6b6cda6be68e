package org.alliancehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.alliancehub.TestClient;
import tools.jackson.databind.JsonNode;

/** The site search as a client calls it: {@code GET /api/v1/search}, and whether a hit of a type and id is among the results. */
final class SearchCalls {

	private SearchCalls() {
	}

	static JsonNode search(TestClient client, String q, String... params) {
		StringBuilder url = new StringBuilder("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		for (String p : params) {
			url.append('&').append(p);
		}
		var r = client.get(url.toString());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	/** Whether the search of an alliance's documents finds this one. */
	static boolean finds(TestClient client, String slug, String q, String type, long id) {
		return hits(search(client, q, "alliance=" + slug), type, id);
	}

	static boolean hits(JsonNode result, String type, long id) {
		return result.get("items").valueStream()
			.anyMatch(h -> h.get("id").asLong() == id && h.get("type").asString().equals(type));
	}

	/** Rebuilds the index from the database (after any rebuild already running) and waits until it is done. */
	static void rebuild(TestClient admin) {
		await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/search/reindex").json().get("state").asString()
			.matches("IDLE|DONE|FAILED"));
		assertThat(admin.post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> admin.get("/api/v1/search/reindex").json().get("state").asString().equals("DONE"));
	}
}
