package org.alliancehub.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The back-office form that compiles a briefing issue from chosen articles (order, editor's notes) and starts its
 * mailing, whose progress the mailings page shows: through the browser's forms, with CSRF, a wrong form saving
 * nothing and coming back as typed.
 */
class BriefingCompileFormIntegrationTests extends IntegrationTest {

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	@Test
	void aSecretariatCompilesAnIssueFromChosenArticlesThenMailsItAndWatchesItsProgress() {
		TestClient admin = admin();
		String slug = "bcf-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "简报表单联盟" + slug)).status()).isEqualTo(201);
		List<Map<String, Object>> roles = List.of(Map.of("role", "SECRETARIAT", "alliance", slug));
		TestClient sec = TestClient.userWith(admin, client(), roles);
		long first = ArticleFixtures.published(sec, slug, "年会召开", "PUBLIC");
		long second = ArticleFixtures.published(sec, slug, "新标准发布", "PUBLIC");
		long membersOnly = ArticleFixtures.published(sec, slug, "内部通报", "MEMBERS");
		long briefing = sec.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 141, "title", "第141期",
				"publishedOn", "2026-12-05", "body", "<p>待编</p>")).json().get("id").asLong();
		String page = "/admin/a/" + slug + "/briefings/" + briefing + "/compile";

		FormSession browser = FormSession.signIn(admin, port, roles);
		assertThat(browser.get("/admin/a/" + slug + "/bulletins").body()).contains(page);
		var shown = browser.get(page);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("name=\"order-" + first + "\"", "name=\"order-" + second + "\"", "年会召开")
			.doesNotContain("name=\"order-" + membersOnly + "\"");

		// a wrong order: nothing saved, the form as typed with the field named
		Map<String, String> wrong = new LinkedHashMap<>();
		wrong.put("editorNote", "编者的话岁末");
		wrong.put("order-" + second, "一");
		wrong.put("note-" + second, "请各单位关注");
		wrong.put("order-" + first, "2");
		var refused = browser.post(page, page, form(wrong));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"compile-error\"", "order-" + second + ": a number", "编者的话岁末",
				"value=\"请各单位关注\"", "value=\"一\"", "value=\"2\"");
		// an article that may not go into a public issue, named by its own field; nothing saved either
		Map<String, String> hidden = Map.of("order-" + first, "1", "order-" + membersOnly, "2");
		var notPublic = browser.post(page, page, form(hidden));
		assertThat(notPublic.body()).contains("order-" + membersOnly + ": must be published and public");
		var none = browser.post(page, page, form(Map.of("editorNote", "只有按语", "order-" + first, " ")));
		assertThat(none.body()).contains("id=\"compile-error\"", "order: ");
		// without the CSRF token, or by another alliance's secretariat: refused
		assertThat(browser.post(page, Map.of("order-" + first, "1")).statusCode()).isEqualTo(403);
		String otherSlug = "bcf-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", otherSlug, "name", "他盟" + otherSlug)).status()).isEqualTo(201);
		FormSession other = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		assertThat(other.get(page).statusCode()).isIn(403, 404);
		assertThat(client().get("/api/v1/alliances/" + slug + "/briefings/141").json().get("body").asString())
			.contains("待编").doesNotContain("年会召开");

		// the right form: compiled in the order given, with the notes
		Map<String, String> right = new LinkedHashMap<>();
		right.put("editorNote", "编者的话岁末");
		right.put("order-" + first, "2");
		right.put("order-" + second, "1");
		right.put("note-" + second, "请各单位关注");
		right.put("note-" + first, "");
		var compiled = browser.post(page, page, form(right));
		assertThat(compiled.statusCode()).isEqualTo(302);
		assertThat(compiled.headers().firstValue("Location").orElse("")).endsWith(page + "?done=1");
		String body = client().get("/api/v1/alliances/" + slug + "/briefings/141").json().get("body").asString();
		assertThat(body).contains("编者的话岁末", "请各单位关注").doesNotContain("待编");
		assertThat(body.indexOf("新标准发布")).isLessThan(body.indexOf("年会召开"));
		var again = browser.get(page + "?done=1");
		assertThat(again.body()).contains("id=\"compiled\"", "id=\"mail-compiled\"", "value=\"1\"", "value=\"2\"",
				"value=\"请各单位关注\"", "/api/v1/briefings/" + briefing + ".pdf");

		// mailing it from there: the mailings page shows its progress, polled while it runs
		String mailings = "/admin/a/" + slug + "/mailings";
		var mailed = browser.post(page + "?done=1", mailings, "briefingId=" + briefing);
		assertThat(mailed.statusCode()).isEqualTo(302);
		assertThat(mailed.headers().firstValue("Location").orElse("")).endsWith(mailings);
		var list = browser.get(mailings);
		assertThat(list.body()).contains("id=\"mailing-progress\"", "<progress", "第141期");
		var progress = browser.get(mailings + "/progress");
		assertThat(progress.statusCode()).isEqualTo(200);
		assertThat(progress.body().strip()).startsWith("<div id=\"mailing-progress\"").contains("第141期", "<progress");
		assertThat(other.get(mailings + "/progress").statusCode()).isIn(403, 404);
	}
}
