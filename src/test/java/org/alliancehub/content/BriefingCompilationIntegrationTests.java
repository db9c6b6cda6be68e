package org.alliancehub.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A briefing issue compiled from chosen articles (order, editor's notes) into its page and a PDF. */
class BriefingCompilationIntegrationTests extends IntegrationTest {

	private String alliance(TestClient admin) {
		String slug = "bc-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "简报编辑联盟" + slug)).status()).isEqualTo(201);
		return slug;
	}

	@Test
	void anIssueIsCompiledFromChosenArticlesInOrderWithNotesIntoItsPageAndAPdf() {
		TestClient admin = admin();
		String slug = alliance(admin);
		TestClient sec = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		long first = ArticleFixtures.published(sec, slug, "年会召开", "PUBLIC");
		long second = ArticleFixtures.published(sec, slug, "新标准发布", "PUBLIC");
		long membersOnly = ArticleFixtures.published(sec, slug, "内部通报", "MEMBERS");
		long briefing = sec.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 140, "title", "第140期",
				"publishedOn", "2026-12-05", "body", "<p>待编</p>")).json().get("id").asLong();

		var compiled = sec.put("/api/v1/briefings/" + briefing + "/contents", Map.of("editorNote", "本期编者按",
				"items", List.of(Map.of("articleId", second, "note", "请各单位关注"), Map.of("articleId", first))));
		assertThat(compiled.status()).as(compiled.body()).isEqualTo(200);
		String body = compiled.json().get("body").asString();
		assertThat(body).contains("本期编者按", "请各单位关注", "新标准发布的正文", "年会召开的正文");
		assertThat(body.indexOf("本期编者按")).isLessThan(body.indexOf("新标准发布"));
		assertThat(body.indexOf("新标准发布")).isLessThan(body.indexOf("年会召开"));
		assertThat(client().get("/a/" + slug + "/briefings/140").body()).contains("请各单位关注");

		var pdf = client().getBytes("/api/v1/briefings/" + briefing + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// only published, public articles of the issue's own alliance; every invalid field named
		var hidden = sec.put("/api/v1/briefings/" + briefing + "/contents", Map.of("items",
				List.of(Map.of("articleId", first), Map.of("articleId", membersOnly))));
		assertThat(hidden.status()).isEqualTo(400);
		assertThat(hidden.invalidFields()).containsExactly("items[1].articleId");
		String otherSlug = alliance(admin);
		TestClient otherSec = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		long foreign = ArticleFixtures.published(otherSec, otherSlug, "他盟文章", "PUBLIC");
		var stranger = sec.put("/api/v1/briefings/" + briefing + "/contents", Map.of("items", List.of(Map.of("articleId", foreign))));
		assertThat(stranger.invalidFields()).containsExactly("items[0].articleId");
		var empty = sec.put("/api/v1/briefings/" + briefing + "/contents", Map.of("items", List.of()));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).containsExactly("items");
		assertThat(otherSec.put("/api/v1/briefings/" + briefing + "/contents", Map.of("items",
				List.of(Map.of("articleId", foreign)))).status()).isEqualTo(403);
		assertThat(client().put("/api/v1/briefings/" + briefing + "/contents", Map.of("items",
				List.of(Map.of("articleId", first)))).status()).isEqualTo(401);
	}
}
