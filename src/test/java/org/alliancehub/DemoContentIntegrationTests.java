package org.alliancehub;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo network from the source pages: the network's council, admitted alliances, sites with content. */
class DemoContentIntegrationTests extends IntegrationTest {

	@Test
	void theNetworkHasSeventeenCouncilAlliancesAndTheFiveAdmitted() {
		JsonNode council = client().get("/api/v1/alliances/lmxfw/members?role=COUNCIL&size=100").json();
		assertThat(council.get("total").asLong()).isEqualTo(17);
		JsonNode members = client().get("/api/v1/alliances/lmxfw/members?role=MEMBER&size=100").json();
		assertThat(members.get("items").valueStream().map(m -> m.get("organizationName").asString()))
			.contains("健康建筑产业技术创新战略联盟", "临床试验产业技术创新战略联盟", "纳米科技产业技术创新战略联盟");
		assertThat(members.get("items").valueStream().allMatch(m -> !m.get("representsAllianceId").isNull())).isTrue();
	}

	@Test
	void allianceSitesShowTheirGovernanceAndFooter() {
		assertThat(client().get("/a/huaxian/").body()).contains("京ICP备11034544号-2", "010-65987533", "100025");
		JsonNode pump = client().get("/api/v1/alliances/hebei-zhajiangbeng").json();
		assertThat(pump.get("governance").valueStream().map(s -> s.get("organizationName").asString()))
			.contains("石家庄工业泵厂有限公司");
		assertThat(client().get("/api/v1/alliances/hebei-zhajiangbeng/articles").json().get("total").asLong())
			.isGreaterThanOrEqualTo(8);
		assertThat(client().get("/").body()).contains("河北省渣浆泵产业技术创新战略联盟", "国家环保装备产业技术创新战略联盟");
	}

	@Test
	void theMeetingsOfTheSourcePagesAreHeldWithTheirMinutesOnTheSitesAndInTheSearch() {
		String list = client().get("/a/lmxfw/meetings").body();
		assertThat(list).contains("第二届第三次理事会");
		assertThat(client().get("/a/hebei-zhajiangbeng/meetings").body()).contains("第一届第一次会员大会");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode hits = client().get("/api/v1/search?q=" + java.net.URLEncoder.encode("经费来源方案",
					java.nio.charset.StandardCharsets.UTF_8) + "&alliance=lmxfw").json();
			assertThat(hits.get("items").valueStream().map(h -> h.get("type").asString())).contains("MINUTES");
		});
		JsonNode hit = client().get("/api/v1/search?q=" + java.net.URLEncoder.encode("经费来源方案",
				java.nio.charset.StandardCharsets.UTF_8) + "&alliance=lmxfw").json().get("items").valueStream()
			.filter(h -> h.get("type").asString().equals("MINUTES")).findFirst().orElseThrow();
		String page = client().get(hit.get("url").asString()).body();
		assertThat(page).contains("会议审议通过了《2023年联盟协发网开展活动服务经费来源方案》", "17家理事单位");
	}

	@Test
	void theSlurryPumpAllianceHasAPublishedDemoStandardThatThePumpMakersCertificateAttestsTo() {
		JsonNode register = client().get("/api/v1/alliances/hebei-zhajiangbeng/standards?stage=PUBLISHED").json();
		JsonNode line = register.get("items").valueStream()
			.filter(s -> "T/HBZJB 001—2024".equals(s.get("number").asString(""))).findFirst().orElseThrow();
		long id = line.get("id").asLong();
		JsonNode standard = client().get("/api/v1/standards/" + id).json();
		assertThat(standard.get("demo").asBoolean()).isTrue();
		assertThat(standard.get("history").get(0).get("event").asString()).isEqualTo("recorded-published");
		String page = client().get("/a/hebei-zhajiangbeng/standards/" + id).body();
		assertThat(page).contains("id=\"related\"", "href=\"/certificates/HBZB-DEMO-PC-2025-001\"");
		assertThat(client().get("/certificates/HBZB-DEMO-PC-2025-001").body())
			.contains("id=\"standard-link\" href=\"/a/hebei-zhajiangbeng/standards/" + id + "\"");
	}

	@Test
	void theChemicalFibreAllianceHasADemoStandardInItsCommentPeriodApprovedByAVoteThatAVisitorCanCommentOn() {
		JsonNode register = client().get("/api/v1/alliances/huaxian/standards?stage=COMMENT").json();
		JsonNode line = register.get("items").valueStream()
			.filter(s -> s.get("title").asString("").startsWith("再生聚酯（涤纶）短纤维")).findFirst().orElseThrow();
		long id = line.get("id").asLong();
		JsonNode standard = client().get("/api/v1/standards/" + id).json();
		assertThat(standard.get("demo").asBoolean()).isTrue();
		assertThat(standard.get("commentOpen").asBoolean()).isTrue();
		assertThat(standard.get("drafts")).hasSize(1);
		assertThat(standard.get("draftingGroup")).hasSize(1);
		assertThat(standard.get("history").valueStream().map(h -> h.get("event").asString()))
			.containsSubsequence("proposed", "start-motion-linked", "approved-to-start", "drafter-added", "draft-1", "comment-period");
		JsonNode motion = admin().get("/api/v1/motions/" + standard.get("startMotionId").asLong()).json();
		String page = client().get("/a/huaxian/standards/" + id).body();
		assertThat(page).contains("本标准为演示内容", "id=\"comment-form\"", "演示数据");
		assertThat(motion.toString()).as("governance counted the vote").contains("ADOPTED");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void theDemoAccountsOfTheDemoPasswordShareOneStoredHashSoThatTheFillPaysForOneBcrypt() {
		java.util.List<String> hashes = jdbc.sql("select distinct password_hash from app_user where username like 'huaxian-daibiao-%'")
			.query(String.class)
			.list();
		assertThat(hashes).hasSize(1);
		// and the shared hash is the demo password's: the account signs in with it (login throws otherwise)
		assertThat(client().login("huaxian-daibiao-07", "demo-secretariat")).isNotNull();
	}

	@Test
	void theDemoPasswordsHashedOnAnotherCoreSignTheirAccountsIn() {
		// both bcrypts run beside the fill now (DemoContent.hashInBackground): the accounts still take their passwords
		assertThat(client().login("huaxian", "demo-secretariat")).isNotNull();
		assertThat(client().login("huaxian-rep", "demo-representative")).isNotNull();
		assertThat(jdbc.sql("select count(distinct password_hash) from app_user where username in ('huaxian', 'huaxian-rep')")
			.query(Integer.class)
			.single()).isEqualTo(2);
	}
}
