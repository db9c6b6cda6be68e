package org.alliancehub.content;

import java.util.Map;

import org.alliancehub.TestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles made through the API for the content tests. */
final class ArticleFixtures {

	private ArticleFixtures() {
	}

	/** A published article of the alliance in the category of its news, posted by {@code sec}; its id. */
	static long published(TestClient sec, String slug, String title, String visibility) {
		var r = sec.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "ALLIANCE_NEWS", "body",
				"<p>" + title + "的正文。</p>", "status", "PUBLISHED", "visibility", visibility));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}
}
