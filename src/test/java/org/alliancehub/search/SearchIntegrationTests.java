package org.alliancehub.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.search.internal.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Search as people use it: Chinese words, 繁體 and 简体 as one, nothing leaking, always in step. */
class SearchIntegrationTests extends IntegrationTest {

	@Autowired
	SearchIndex index;

	@Autowired
	javax.sql.DataSource data;

	String slug;

	TestClient admin;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "搜索测试联盟" + slug));
	}

	long publish(String title, String body, String visibility, List<String> tags) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", body, "status", "PUBLISHED", "visibility", visibility, "tags", tags)).json().get("id").asLong();
	}

	JsonNode search(TestClient client, String q, String... params) {
		StringBuilder url = new StringBuilder("/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		for (String p : params) {
			url.append('&').append(p);
		}
		var r = client.get(url.toString());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	boolean finds(TestClient client, String q, long id) {
		return search(client, q, "alliance=" + slug).get("items").valueStream().anyMatch(h -> h.get("id").asLong() == id);
	}

	@Test
	void traditionalFindsSimplifiedAndBackWithHighlightedSnippets() {
		long simplified = publish("高铬铸铁过流部件耐磨试验", "<p>试验表明高铬铸铁叶轮寿命提升。</p>", "PUBLIC", List.of());
		long traditional = publish("環保裝備驗收規範研討", "<p>與會專家討論了環保裝備驗收。</p>", "PUBLIC", List.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "高鉻鑄鐵", simplified));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "环保装备验收", traditional));
		JsonNode hit = search(client(), "高鉻鑄鐵", "alliance=" + slug).get("items").get(0);
		assertThat(hit.get("title").asString()).isEqualTo("高铬铸铁过流部件耐磨试验");
		assertThat(hit.get("snippet").asString()).contains("<em>高铬铸铁</em>");
		assertThat(hit.get("url").asString()).isEqualTo("/a/" + slug + "/articles/" + simplified);
		assertThat(client().get("/search?q=%E9%AB%98%E9%89%BB%E9%91%84%E9%90%B5").body()).contains("高铬铸铁过流部件耐磨试验");
	}

	@Test
	void mixedChineseLatinAndNumbersAndWidthFoldingAreFound() {
		long id = publish("耐磨渣浆泵团体标准发布", "<p>标准参照 GB/T 1234-2020 与 ISO 9001 编制，于2023年实施。</p>", "PUBLIC",
				List.of("团体标准"));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "GB/T 1234-2020", id));
		assertThat(finds(client(), "ＧＢ／Ｔ　１２３４－２０２０", id)).isTrue();
		assertThat(finds(client(), "iso 9001", id)).isTrue();
		assertThat(finds(client(), "2023年 团体标准", id)).isTrue();
		assertThat(finds(client(), "\"耐磨渣浆泵\"", id)).isTrue();
		assertThat(finds(client(), "耐磨渣浆泵 -团体标准", id)).isFalse();
	}

	@Test
	void titlesWeighMoreThanBodies() {
		long inBody = publish("年度工作回顾", "<p>本年度重点推进磁力驱动泵研制。</p>", "PUBLIC", List.of());
		long inTitle = publish("磁力驱动泵研制进展", "<p>本年度工作回顾。</p>", "PUBLIC", List.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "磁力驱动泵", inBody) && finds(client(), "磁力驱动泵", inTitle));
		JsonNode items = search(client(), "磁力驱动泵", "alliance=" + slug).get("items");
		assertThat(items.get(0).get("id").asLong()).isEqualTo(inTitle);
	}

	@Test
	void membersOnlyContentDoesNotLeakThroughResultsOrCounts() {
		long secret = publish("理事会内部讨论稿甲乙丙", "<p>仅供成员单位阅读的讨论稿。</p>", "MEMBERS", List.of());
		long org = admin.post("/api/v1/organizations", Map.of("name", "搜索成员单位" + slug, "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		TestClient member = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", org)));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(member, "内部讨论稿甲乙丙", secret));
		JsonNode anonymous = search(client(), "内部讨论稿甲乙丙");
		assertThat(anonymous.get("total").asLong()).isZero();
		assertThat(anonymous.get("facets").get("alliance").size()).isZero();
		String otherSlug = "s-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", otherSlug, "name", "另一个联盟" + otherSlug));
		TestClient outsider = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		assertThat(search(outsider, "内部讨论稿甲乙丙").get("total").asLong()).isZero();
		assertThat(search(admin, "内部讨论稿甲乙丙").get("total").asLong()).isEqualTo(1);
	}

	@Test
	void changesUnpublishingAndDeletionReachTheIndex() {
		long id = publish("智能运维平台上线", "<p>平台正式上线。</p>", "PUBLIC", List.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "智能运维平台", id));
		admin.patch("/api/v1/articles/" + id, Map.of("title", "远程诊断系统上线"));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "远程诊断系统", id) && !finds(client(), "智能运维平台", id));
		admin.patch("/api/v1/articles/" + id, Map.of("status", "DRAFT"));
		await().atMost(Duration.ofSeconds(5)).until(() -> !finds(client(), "远程诊断系统", id));
		admin.patch("/api/v1/articles/" + id, Map.of("status", "PUBLISHED"));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "远程诊断系统", id));
		admin.delete("/api/v1/articles/" + id);
		await().atMost(Duration.ofSeconds(5)).until(() -> !finds(client(), "远程诊断系统", id));
	}

	@Test
	void organisationsAndProductsAreFoundWithFacets() {
		long org = admin.post("/api/v1/organizations", Map.of("name", "宁安环保设备制造有限公司" + slug, "type", "ENTERPRISE",
				"products", List.of(Map.of("name", "垃圾压缩转运车", "description", "县域垃圾收运")))).json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "COUNCIL"));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "垃圾压缩转运车", org));
		JsonNode r = search(client(), "垃圾压缩转运车", "alliance=" + slug, "type=ORGANIZATION");
		assertThat(r.get("items").get(0).get("type").asString()).isEqualTo("ORGANIZATION");
		assertThat(r.get("facets").get("type").get(0).get("value").asString()).isEqualTo("ORGANIZATION");
		assertThat(r.get("facets").get("alliance").get(0).get("value").asString()).isEqualTo(slug);
		assertThat(search(client(), "搜索测试联盟", "type=ORGANIZATION").get("items").valueStream()
			.noneMatch(h -> h.get("title").asString().startsWith("搜索测试联盟")))
			.as("the organisation that stands for an alliance in the network is no enterprise").isTrue();
	}

	@Test
	void aPageOfTheAllianceAQuestionNamesCountsAsNamingIt() {
		String other = "m-" + UUID.randomUUID().toString().substring(0, 8);
		String shortName = "永磁联盟" + other.substring(2);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "稀土永磁材料产业技术创新战略联盟" + other.substring(2),
				"shortName", shortName));
		long id = admin.post("/api/v1/alliances/" + other + "/articles", Map.of("title", "第三次季度例会纪要", "category",
				"ALLIANCE_NEWS", "body", "<p>秘书处通报了上季度工作。</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags",
				List.of())).json().get("id").asLong();
		java.util.function.Predicate<String> finds = q -> search(client(), q, "alliance=" + other).get("items")
			.valueStream()
			.anyMatch(h -> h.get("id").asLong() == id);
		await().atMost(Duration.ofSeconds(5)).until(() -> finds.test("季度例会纪要"));
		// The text names no alliance; the page is the alliance's own, so it answers a question naming the alliance.
		assertThat(finds.test(shortName + "季度例会纪要")).isTrue();
		assertThat(finds.test("稀土永磁材料产业技术创新战略联盟" + other.substring(2) + "例会纪要")).isTrue();
	}

	@Test
	void aTypoSuggestsTheWordThatExists() {
		long id = publish("高压隔膜泵选型指南", "<p>选型要点。</p>", "PUBLIC", List.of("高压隔膜泵"));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "高压隔膜泵", id));
		JsonNode r = search(client(), "高压隔膜崩");
		assertThat(r.get("total").asLong()).isZero();
		assertThat(r.get("suggestion").asString()).isEqualTo("高压隔膜泵");
	}

	@Test
	void badQueriesAnswerClearProblemsNeverServerErrors() {
		assertThat(client().get("/api/v1/search?q=").status()).isEqualTo(400);
		assertThat(client().get("/api/v1/search?q=").invalidFields()).containsExactly("q");
		assertThat(client().get("/api/v1/search?q=" + "泵".repeat(10_000)).status()).isEqualTo(400);
		assertThat(client().get("/api/v1/search?q=%22%E6%B8%A3%E6%B5%86%E6%B3%B5").status()).isEqualTo(200);
		assertThat(client().get("/api/v1/search?q=AND%20OR").status()).isEqualTo(200);
		assertThat(client().get("/api/v1/search?q=(((%5B%7B*~%5E").status()).isEqualTo(200);
		assertThat(client().get("/api/v1/search?q=%E6%B3%B5&size=101").status()).isEqualTo(400);
		assertThat(client().get("/api/v1/search?q=%E6%B3%B5&from=2023-13-01").status()).isEqualTo(400);
		assertThat(client().get("/search?q=").status()).isEqualTo(200);
	}

	@Test
	void aQuestionThatFindsNothingSaysSoWithoutAnEmptyCountOrEmptyFilters() {
		String page = client().get("/search?q=zzqqxxnothingmatches").body();
		assertThat(page).contains("没有找到相关内容").doesNotContain("id=\"search-summary\"", "找到 0 条结果", "<h3>类型</h3>",
				"<h3>联盟</h3>");
		long id = publish("无结果对照的耐磨叶轮资讯", "<p>叶轮</p>", "PUBLIC", List.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> client().get("/search?q=%E8%80%90%E7%A3%A8%E5%8F%B6%E8%BD%AE")
			.body().contains("无结果对照的耐磨叶轮资讯"));
		assertThat(client().get("/search?q=%E8%80%90%E7%A3%A8%E5%8F%B6%E8%BD%AE").body()).contains("id=\"search-summary\"",
				"<h3>类型</h3>", "<h3>联盟</h3>").as("article %d", id).doesNotContain("没有找到相关内容")
			// the count is exact, and said so (not 找到约, about)
			.containsPattern("找到 \\d+ 条结果").doesNotContain("找到约");
	}

	@Test
	void anIndexThatMissedUpdatesWhileClosedCatchesUpFromTheFeedWhenItOpens() {
		index.close();
		long id;
		try {
			id = publish("崩溃期间发布的资讯", "<p>索引不可用时写入。</p>", "PUBLIC", List.of());
			// The change reaches the durable feed while the index is down; the index reads it when it opens.
			long published = id;
			await().atMost(Duration.ofSeconds(5)).until(() -> appended(published));
		}
		finally {
			index.open();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "崩溃期间发布", id));
	}

	/** Whether the article's change has been appended to the search feed (in the change's own transaction). */
	private boolean appended(long articleId) {
		return new org.springframework.jdbc.core.JdbcTemplate(data).queryForObject(
				"select count(*) from search_feed where key = ?", Long.class, "ARTICLE:" + articleId) > 0;
	}

	@Test
	void rebuildKeepsSearchAnsweringAndShowsProgress() {
		long id = publish("重建索引后仍可找到", "<p>重建测试。</p>", "PUBLIC", List.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "重建索引后仍可找到", id));
		assertThat(client().post("/api/v1/search/reindex", Map.of()).status()).isEqualTo(401);
		var started = admin.post("/api/v1/search/reindex", Map.of());
		assertThat(started.status()).isEqualTo(202);
		assertThat(finds(client(), "重建索引后仍可找到", id)).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> admin.get("/api/v1/search/reindex").json().get("state").asString().equals("DONE"));
		assertThat(finds(client(), "重建索引后仍可找到", id)).isTrue();
		assertThat(admin.get("/api/v1/search/reindex").json().get("done").asLong()).isPositive();
	}
}
