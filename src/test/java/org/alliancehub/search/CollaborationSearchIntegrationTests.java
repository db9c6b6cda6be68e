package org.alliancehub.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.search.internal.IndexHoles;
import org.alliancehub.search.internal.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projects, agreements, demonstration bases and shared resources are found by the site search, with the same
 * Chinese analysis as articles; members-only ones only by those who may read them, counts included.
 */
class CollaborationSearchIntegrationTests extends IntegrationTest {

	@Autowired
	SearchIndex index;

	TestClient admin;

	String slug;

	long lead;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = alliance("协作搜索联盟");
		lead = member(slug);
	}

	String alliance(String name) {
		String s = "cs-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/alliances", Map.of("slug", s, "name", name + s));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return s;
	}

	long member(String alliance) {
		var o = admin.post("/api/v1/organizations", Map.of("name", "协作搜索单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(o.status()).as(o.body()).isEqualTo(201);
		long id = o.json().get("id").asLong();
		var m = admin.post("/api/v1/alliances/" + alliance + "/members", Map.of("organizationId", id, "role", "MEMBER"));
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		return id;
	}

	TestClient rep(long organization) {
		return TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", organization)));
	}

	long project(String title, String summary, String visibility) {
		var r = admin.post("/api/v1/alliances/" + slug + "/projects", Map.of("title", title, "summary", summary,
				"field", "渣浆泵", "leadOrganizationId", lead, "visibility", visibility));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	JsonNode search(TestClient client, String q, String... params) {
		return SearchCalls.search(client, q, params);
	}

	boolean finds(TestClient client, String q, String type, long id) {
		return SearchCalls.finds(client, slug, q, type, id);
	}

	@Test
	void aPublicProjectIsFoundByAChineseQuestionWithoutSpacesAndInTraditional() {
		long id = project("高铬合金渣浆泵叶轮寿命联合攻关", "针对过流部件磨损，开展材料与结构联合攻关。", "PUBLIC");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "渣浆泵叶轮寿命", "PROJECT", id));
		assertThat(finds(client(), "渣漿泵葉輪壽命", "PROJECT", id)).isTrue();
		JsonNode hit = search(client(), "过流部件磨损", "alliance=" + slug, "type=PROJECT").get("items").get(0);
		assertThat(hit.get("id").asLong()).isEqualTo(id);
		assertThat(hit.get("url").asString()).isEqualTo("/a/" + slug + "/projects/" + id);
		assertThat(hit.get("snippet").asString()).contains("<em>");
	}

	@Test
	void agreementsBasesAndResourcesAreFound() {
		var agreement = admin.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "脱硫除尘装备战略合作协议",
				"subject", "共建环保装备中试平台", "parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "宜兴市人民政府"))));
		assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
		long agreementId = agreement.json().get("id").asLong();
		var base = admin.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "烟气治理示范基地",
				"hostOrganizationId", lead, "focus", "燃煤锅炉超低排放改造", "agreementId", agreementId));
		assertThat(base.status()).as(base.body()).isEqualTo(201);
		long baseId = base.json().get("id").asLong();
		var resource = admin.post("/api/v1/alliances/" + slug + "/resources", Map.of("kind", "EQUIPMENT",
				"organizationId", lead, "name", "叶轮动平衡试验台", "capabilities", "最大转速三千转"));
		assertThat(resource.status()).as(resource.body()).isEqualTo(201);
		long resourceId = resource.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "宜兴市人民政府", "AGREEMENT", agreementId));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "超低排放改造", "BASE", baseId));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "动平衡试验台", "RESOURCE", resourceId));
		JsonNode types = search(client(), "示范基地", "alliance=" + slug).get("facets").get("type");
		assertThat(types.valueStream().map(t -> t.get("value").asString())).contains("BASE");
	}

	@Test
	void aMembersOnlyProjectIsNeitherFoundNorCountedByAnonymousOrAnotherAlliancesMember() {
		long id = project("稀土永磁电机能效提升内部攻关", "仅供本联盟成员单位阅读。", "MEMBERS");
		TestClient member = rep(member(slug));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(member, "稀土永磁电机能效", "PROJECT", id));
		String other = alliance("另一协作联盟");
		TestClient outsider = rep(member(other));
		for (TestClient c : List.of(client(), outsider)) {
			JsonNode r = search(c, "稀土永磁电机能效", "alliance=" + slug);
			assertThat(r.get("total").asLong()).isZero();
			assertThat(r.get("items").size()).isZero();
			assertThat(r.get("facets").get("alliance").size()).isZero();
			assertThat(r.get("facets").get("type").size()).isZero();
			assertThat(search(c, "稀土永磁电机能效提升内部攻关").get("items").valueStream()
				.noneMatch(h -> h.get("id").asLong() == id && h.get("type").asString().equals("PROJECT"))).isTrue();
		}
		assertThat(search(member, "稀土永磁电机能效", "alliance=" + slug).get("total").asLong()).isEqualTo(1);
	}

	@Test
	void participantsOnlyProjectsAreNotFoundEvenByMembers() {
		long id = project("陶瓷内衬耐磨管道保密攻关", "参与单位工作区。", "PARTICIPANTS");
		long visible = project("陶瓷内衬耐磨管道公开攻关", "公开项目。", "PUBLIC");
		TestClient member = rep(member(slug));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(member, "陶瓷内衬耐磨管道", "PROJECT", visible));
		assertThat(finds(member, "陶瓷内衬耐磨管道", "PROJECT", id)).isFalse();
		assertThat(finds(admin, "陶瓷内衬耐磨管道", "PROJECT", id)).isFalse();
	}

	@Test
	void theIndexFollowsAProjectsTitleStatusAndVisibility() {
		long id = project("脱硝催化剂再生技术攻关", "催化剂再生。", "PUBLIC");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "脱硝催化剂再生", "PROJECT", id));
		var renamed = admin.patch("/api/v1/projects/" + id, Map.of("title", "垃圾焚烧飞灰资源化攻关", "status", "ACTIVE"));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> finds(client(), "飞灰资源化", "PROJECT", id) && !finds(client(), "脱硝催化剂再生", "PROJECT", id));
		var hidden = admin.patch("/api/v1/projects/" + id, Map.of("visibility", "MEMBERS", "status", "COMPLETED"));
		assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> !finds(client(), "飞灰资源化", "PROJECT", id));
		assertThat(finds(admin, "飞灰资源化", "PROJECT", id)).isTrue();
	}

	@Test
	void aRebuildIncludesProjectsAgreementsBasesAndResources() {
		long id = project("盾构机刀盘耐磨堆焊攻关", "堆焊材料。", "PUBLIC");
		var base = admin.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "盾构装备再制造示范基地",
				"hostOrganizationId", lead, "status", "ACTIVE"));
		long baseId = base.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "刀盘耐磨堆焊", "PROJECT", id)
				&& finds(client(), "盾构装备再制造", "BASE", baseId));
		IndexHoles.forget(index, "PROJECT:" + id);
		IndexHoles.forget(index, "BASE:" + baseId);
		assertThat(finds(client(), "刀盘耐磨堆焊", "PROJECT", id)).isFalse();
		SearchCalls.rebuild(admin);
		assertThat(finds(client(), "刀盘耐磨堆焊", "PROJECT", id)).isTrue();
		assertThat(finds(client(), "盾构装备再制造", "BASE", baseId)).isTrue();
	}
}
