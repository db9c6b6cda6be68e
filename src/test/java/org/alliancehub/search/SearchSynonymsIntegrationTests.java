package org.alliancehub.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Names people use: an alliance's short and full names, and synonym groups secretariats add, at once. */
class SearchSynonymsIntegrationTests extends IntegrationTest {

	String slug;

	TestClient admin;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "syn-" + UUID.randomUUID().toString().substring(0, 8);
	}

	long publish(String title, String body) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", body, "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of())).json().get("id").asLong();
	}

	boolean finds(String q, long id) {
		var r = client().get("/api/v1/search?alliance=" + slug + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().anyMatch(h -> h.get("id").asLong() == id);
	}

	@Test
	void theFullNameOfAnAllianceFindsPagesThatUseItsShortNameAndBack() {
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "琥珀蜜蜡鉴定产业技术创新战略联盟", "shortName", "琥蜡联盟"));
		long shortOnly = publish("琥蜡联盟发布鉴定指南", "<p>指南今日发布。</p>");
		await().atMost(Duration.ofSeconds(10)).until(() -> finds("琥蜡联盟鉴定指南", shortOnly));
		assertThat(finds("琥珀蜜蜡鉴定产业技术创新战略联盟", shortOnly)).isTrue();
		assertThat(finds("琥珀蜜蠟鑑定產業技術創新戰略聯盟指南", shortOnly)).isTrue();
	}

	@Test
	void aSecretariatAddsASynonymThatAppliesToSearchesAtOnceAndOnlyItMayRemoveIt() {
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "滤料测试联盟" + slug));
		long id = publish("新型芳砜纶滤料通过鉴定", "<p>耐高温性能良好。</p>");
		await().atMost(Duration.ofSeconds(10)).until(() -> finds("芳砜纶滤料", id));
		assertThat(finds("聚砜酰胺纤维滤料", id)).isFalse();
		TestClient secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		Map<String, Object> group = Map.of("alliance", slug, "names", List.of("芳砜纶", "聚砜酰胺纤维"));
		assertThat(client().post("/api/v1/search/synonyms", group).status()).isEqualTo(401);
		var added = secretariat.post("/api/v1/search/synonyms", group);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		long groupId = added.json().get("id").asLong();
		assertThat(finds("聚砜酰胺纤维滤料", id)).as("no rebuild needed").isTrue();
		assertThat(finds("聚砜酰胺纖維濾料", id)).isTrue();
		assertThat(secretariat.post("/api/v1/search/synonyms", Map.of("alliance", slug, "names", List.of("单独一个"))).status())
			.isEqualTo(400);

		String other = "syn-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "另一个联盟" + other));
		TestClient outsider = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		assertThat(outsider.post("/api/v1/search/synonyms", group).status()).isEqualTo(403);
		assertThat(outsider.delete("/api/v1/search/synonyms/" + groupId).status()).isEqualTo(404);
		assertThat(secretariat.post("/api/v1/search/synonyms", Map.of("names", List.of("甲", "乙乙"))).status())
			.as("the installation's own list is the administrator's").isEqualTo(403);
		assertThat(secretariat.delete("/api/v1/search/synonyms/" + groupId).status()).isEqualTo(204);
		assertThat(finds("聚砜酰胺纤维滤料", id)).isFalse();
	}

	@Test
	void theBuiltInListKnowsIndustryWords() {
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "纤维测试联盟" + slug));
		long id = publish("差别化聚酯纤维开发进展", "<p>多家企业推出新品。</p>");
		await().atMost(Duration.ofSeconds(10)).until(() -> finds("聚酯纤维开发", id));
		assertThat(finds("涤纶开发进展", id)).isTrue();
	}

	@Test
	void theBackOfficePageListsGroupsAndAddsOneWithItsToken() {
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "页面测试联盟" + slug));
		FormSession secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var page = secretariat.get("/admin/search/synonyms");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("涤纶、聚酯纤维");
		String names = "页测甲" + slug.substring(4) + "，页测乙" + slug.substring(4);
		assertThat(secretariat.post("/admin/search/synonyms", List.of(Map.entry("alliance", slug), Map.entry("names", names)))
			.statusCode()).as("without the CSRF token").isEqualTo(403);
		var added = secretariat.post("/admin/search/synonyms", "/admin/search/synonyms",
				"alliance=" + slug + "&names=" + URLEncoder.encode(names, StandardCharsets.UTF_8));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(secretariat.get("/admin/search/synonyms").body()).contains(names.replace("，", "、"));
		assertThat(FormSession.anonymous(port).get("/admin/search/synonyms").statusCode()).isIn(302, 401);
	}

	@Test
	void aNewAllianceNamesAreKnownAtOnceAfterItsCommitWithNoDurableEventRecordForTheSynonyms(
			@org.springframework.beans.factory.annotation.Autowired SearchSynonyms synonyms,
			@org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource data) {
		String name = "琥珀蜜蜡鉴定测试联盟" + slug;
		assertThat(synonyms.allianceByName()).doesNotContainValue(slug);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name, "shortName", "蜜蜡测试" + slug))
			.status()).isEqualTo(201);
		// the folded names were dropped once the creation committed: the next read has the new alliance
		assertThat(synonyms.allianceByName()).containsEntry(org.alliancehub.text.ChineseText.fold(name), slug);
		// an after-commit @TransactionalEventListener would have left one publication (two commits) per change
		assertThat(new org.springframework.jdbc.core.JdbcTemplate(data).queryForObject(
				"select count(*) from event_publication where listener_id like '%SearchSynonyms%'", Long.class)).isZero();
	}
}
