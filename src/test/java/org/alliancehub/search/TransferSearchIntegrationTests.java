package org.alliancehub.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.alliancehub.search.SearchCalls.hits;
import static org.alliancehub.search.SearchCalls.search;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.collaboration.CollaborationFixtures;
import org.alliancehub.search.internal.IndexHoles;
import org.alliancehub.search.internal.SearchIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Technology demands and achievements are found by the site search with the same Chinese analysis as everything
 * else, through transfer's events; members-only ones only by those who may read them (the owning alliance's
 * members and the organisation that posted it), counts included.
 */
class TransferSearchIntegrationTests extends IntegrationTest {

	@Autowired
	SearchIndex index;

	TestClient admin;

	CollaborationFixtures f;

	String slug;

	long poster;

	TestClient posterRep;

	@BeforeEach
	void allianceWithAPostingMember() {
		admin = admin();
		f = new CollaborationFixtures(admin, client());
		slug = f.alliance("技术搜索联盟");
		poster = f.member(slug);
		posterRep = f.rep(poster);
	}

	@Test
	void aPublicAchievementIsFoundInSimplifiedAndTraditionalAndCountedByType() {
		long id = post("/api/v1/achievements", "高压辊磨机耐磨辊面堆焊修复技术", "辊面堆焊修复后寿命提高一倍，适用于矿山破碎。", "PUBLIC");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "辊面堆焊修复", "ACHIEVEMENT", id));
		assertThat(finds(client(), "輥面堆焊修復", "ACHIEVEMENT", id)).isTrue();
		JsonNode result = search(client(), "辊面堆焊修复寿命", "alliance=" + slug, "type=ACHIEVEMENT");
		assertThat(result.get("total").asLong()).isEqualTo(1);
		JsonNode hit = result.get("items").get(0);
		assertThat(hit.get("url").asString()).isEqualTo("/a/" + slug + "/achievements/" + id);
		assertThat(hit.get("snippet").asString()).contains("<em>");
		JsonNode types = search(client(), "辊面堆焊修复", "alliance=" + slug).get("facets").get("type");
		assertThat(types.valueStream().filter(t -> t.get("value").asString().equals("ACHIEVEMENT"))
			.map(t -> t.get("count").asLong())).containsExactly(1L);
	}

	@Test
	void aMembersOnlyDemandOfAnAllianceIsNeitherFoundNorCountedByAnonymousOrAnotherAlliancesMember() {
		long id = post("/api/v1/demands", "盐湖提锂吸附剂再生工艺内部需求", "寻求盐湖卤水提锂吸附剂的再生工艺，仅对联盟成员公开。", "MEMBERS");
		TestClient member = f.rep(f.member(slug));
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(member, "盐湖提锂吸附剂", "DEMAND", id));
		assertThat(search(member, "盐湖提锂吸附剂", "alliance=" + slug).get("total").asLong()).isEqualTo(1);
		assertThat(finds(posterRep, "盐湖提锂吸附剂", "DEMAND", id)).isTrue();
		assertThat(finds(admin, "盐湖提锂吸附剂", "DEMAND", id)).isTrue();
		TestClient outsider = f.rep(f.member(f.alliance("另一技术联盟")));
		for (TestClient c : List.of(client(), outsider)) {
			JsonNode r = search(c, "盐湖提锂吸附剂", "alliance=" + slug);
			assertThat(r.get("total").asLong()).isZero();
			assertThat(r.get("items").size()).isZero();
			assertThat(r.get("facets").get("alliance").size()).isZero();
			assertThat(r.get("facets").get("type").size()).isZero();
			assertThat(hits(search(c, "盐湖提锂吸附剂再生工艺内部需求"), "DEMAND", id)).isFalse();
		}
	}

	@Test
	void theOrganisationThatPostedAMembersOnlyDemandFindsItAsItReadsIt() {
		long loner = f.organization();
		TestClient lonerRep = f.rep(loner);
		var r = lonerRep.post("/api/v1/demands", Map.of("organizationId", loner, "title", "磁悬浮鼓风机轴承保密需求",
				"description", "磁悬浮鼓风机轴承的保密需求。", "field", "ENERGY", "region", "130100", "visibility", "MEMBERS"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		assertThat(lonerRep.get("/api/v1/demands/" + id).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> hits(search(lonerRep, "磁悬浮鼓风机轴承"), "DEMAND", id));
		assertThat(hits(search(client(), "磁悬浮鼓风机轴承"), "DEMAND", id)).isFalse();
	}

	@Test
	void aRebuildIncludesDemandsAndAchievements() {
		long demand = post("/api/v1/demands", "钛白粉酸解尾气治理需求", "酸解尾气含硫，需要新的治理工艺。", "PUBLIC");
		long achievement = post("/api/v1/achievements", "钛白粉酸解尾气碱洗塔", "碱洗塔处理酸解尾气。", "PUBLIC");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds(client(), "酸解尾气", "DEMAND", demand)
				&& finds(client(), "酸解尾气", "ACHIEVEMENT", achievement));
		IndexHoles.forget(index, "DEMAND:" + demand);
		IndexHoles.forget(index, "ACHIEVEMENT:" + achievement);
		assertThat(finds(client(), "酸解尾气", "DEMAND", demand)).isFalse();
		SearchCalls.rebuild(admin);
		assertThat(finds(client(), "酸解尾气", "DEMAND", demand)).isTrue();
		assertThat(finds(client(), "酸解尾气", "ACHIEVEMENT", achievement)).isTrue();
	}

	long post(String path, String title, String description, String visibility) {
		Map<String, Object> body = new HashMap<>(Map.of("organizationId", poster, "title", title, "description", description,
				"field", "MATERIALS", "region", "130100", "visibility", visibility));
		if (path.endsWith("achievements")) {
			body.putAll(Map.of("maturity", 6, "ipStatus", "KNOW_HOW", "transferModes", List.of("LICENCE")));
		}
		var r = posterRep.post(path, body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	boolean finds(TestClient client, String q, String type, long id) {
		return SearchCalls.finds(client, slug, q, type, id);
	}
}
