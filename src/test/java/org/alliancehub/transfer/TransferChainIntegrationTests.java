package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain 需求 → 项目 → 成果 → 转化 and the rules of interest around it: an interest naming an object the caller
 * may not read is not found, the side that expressed an interest never decides it, a demand starts its project once
 * and only by whoever manages it, and the project's page links back to the demands and achievements the visitor
 * may read.
 */
class TransferChainIntegrationTests extends IntegrationTest {

	final TransferFixtures f = new TransferFixtures(this::admin, this::client);

	TransferFixtures.Cast c;

	@BeforeEach
	void twoAlliancesWithMembers() {
		c = f.cast("转化链联盟");
	}

	@Test
	void anInterestNamingADemandOrAchievementTheCallerMayNotReadIsNotFound() {
		long hiddenDemand = f.post(f.reps.get(c.outsider()), "/api/v1/demands", f.demand(c.outsider(), "会员需求", "叶轮", "MEMBERS"));
		long hiddenAchievement = f.post(f.reps.get(c.outsider()), "/api/v1/achievements",
				f.achievement(c.outsider(), "会员成果", "叶轮", "MEMBERS"));
		long demand = f.post(f.reps.get(c.seeker()), "/api/v1/demands", f.demand(c.seeker(), "公开需求", "叶轮", "PUBLIC"));
		long achievement = f.post(f.reps.get(c.holder()), "/api/v1/achievements", f.achievement(c.holder(), "公开成果", "叶轮", "PUBLIC"));
		var unreadableDemand = f.reps.get(c.holder()).post("/api/v1/interests", Map.of("demandId", hiddenDemand,
				"achievementId", achievement, "organizationId", c.holder()));
		assertThat(unreadableDemand.status()).as(unreadableDemand.body()).isEqualTo(404);
		assertThat(unreadableDemand.body()).doesNotContain("会员需求");
		var unreadableAchievement = f.reps.get(c.seeker()).post("/api/v1/interests", Map.of("demandId", demand,
				"achievementId", hiddenAchievement, "organizationId", c.seeker()));
		assertThat(unreadableAchievement.status()).as(unreadableAchievement.body()).isEqualTo(404);
		// the same answer as for an object that does not exist at all
		assertThat(f.reps.get(c.seeker()).post("/api/v1/interests", Map.of("demandId", demand, "achievementId", 987654321L,
				"organizationId", c.seeker())).status()).isEqualTo(404);
		// its own organisation reads the members-only demand and may express interest in its name
		var own = f.reps.get(c.outsider()).post("/api/v1/interests", Map.of("demandId", hiddenDemand, "achievementId",
				achievement, "organizationId", c.outsider()));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
	}

	@Test
	void theSideThatExpressedAnInterestMayNotDecideItEvenThroughTheAdministrator() {
		long demand = f.post(f.reps.get(c.seeker()), "/api/v1/demands", f.demand(c.seeker(), "管理员代表达意向的需求", "叶轮", "PUBLIC"));
		long achievement = f.post(f.reps.get(c.holder()), "/api/v1/achievements", f.achievement(c.holder(), "被代表达的成果", "叶轮", "PUBLIC"));
		TestClient admin = admin();
		var made = admin.post("/api/v1/interests", Map.of("demandId", demand, "achievementId", achievement,
				"organizationId", c.seeker()));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String decision = "/api/v1/interests/" + made.json().get("id").asLong() + "/decision";
		// the administrator expressed it in the seeker's name: answering it too would be the seeker deciding its own
		var byAdmin = admin.post(decision, Map.of("decision", "ACCEPT"));
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(403);
		assertThat(f.reps.get(c.seeker()).post(decision, Map.of("decision", "ACCEPT")).status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/interests/" + made.json().get("id").asLong()).json().get("status").asString())
			.isEqualTo("PENDING");
		// a representative of both organisations is the expressing side as well
		TestClient both = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", c.seeker()),
				Map.of("role", "MEMBER_REP", "organizationId", c.holder())));
		assertThat(both.post(decision, Map.of("decision", "ACCEPT")).status()).isEqualTo(403);
		var byHolder = f.reps.get(c.holder()).post(decision, Map.of("decision", "ACCEPT"));
		assertThat(byHolder.status()).as(byHolder.body()).isEqualTo(200);
		// an interest the holder's representative expressed is the administrator's to answer in the seeker's name
		long other = f.post(f.reps.get(c.holder()), "/api/v1/achievements", f.achievement(c.holder(), "另一成果", "叶轮", "PUBLIC"));
		var fromHolder = f.reps.get(c.holder()).post("/api/v1/interests", Map.of("demandId", demand, "achievementId", other,
				"organizationId", c.holder()));
		assertThat(fromHolder.status()).as(fromHolder.body()).isEqualTo(201);
		assertThat(admin.post("/api/v1/interests/" + fromHolder.json().get("id").asLong() + "/decision",
				Map.of("decision", "DECLINE", "reason", "TERMS")).status()).isEqualTo(200);
	}

	@Test
	void aDemandStartsItsProjectOnceOnlyByWhoeverManagesIt() {
		long demand = f.post(f.reps.get(c.seeker()), "/api/v1/demands",
				f.demand(c.seeker(), "渣浆泵叶轮寿命联合攻关需求", "叶轮寿命提高三倍", "PUBLIC"));
		String start = "/api/v1/demands/" + demand + "/project";
		assertThat(f.reps.get(c.seeker()).post(start, Map.of()).status()).isEqualTo(403);
		assertThat(client().post(start, Map.of()).status()).isEqualTo(401);
		TestClient otherSecretariat = TestClient.userWith(admin(), client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", c.otherSlug())));
		assertThat(otherSecretariat.post(start, Map.of()).status()).isEqualTo(403);
		TestClient secretariat = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", c.slug())));
		var started = secretariat.post(start, Map.of());
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long project = started.json().get("id").asLong();
		var p = client().get("/api/v1/projects/" + project).json();
		assertThat(p.get("title").asString()).isEqualTo("渣浆泵叶轮寿命联合攻关需求");
		assertThat(p.get("summary").asString()).isEqualTo("叶轮寿命提高三倍");
		assertThat(p.get("leadOrganizationId").asLong()).isEqualTo(c.seeker());
		assertThat(p.get("alliance").asString()).isEqualTo(c.slug());
		assertThat(client().get("/api/v1/demands/" + demand).json().get("project").get("id").asLong()).isEqualTo(project);
		assertThat(secretariat.post(start, Map.of()).status()).isEqualTo(409);
		assertThat(admin().post(start, Map.of()).status()).isEqualTo(409);
		// a members-only demand of another alliance does not exist for an outsider's secretariat
		long hidden = f.post(f.reps.get(c.outsider()), "/api/v1/demands", f.demand(c.outsider(), "会员需求", "叶轮", "MEMBERS"));
		assertThat(secretariat.post("/api/v1/demands/" + hidden + "/project", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void theChainIsLinkedBothWaysAndOnlyReadableObjectsAreLinked() {
		long demand = f.post(f.reps.get(c.seeker()), "/api/v1/demands", f.demand(c.seeker(), "链上需求", "叶轮", "PUBLIC"));
		TestClient secretariat = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", c.slug())));
		long project = secretariat.post("/api/v1/demands/" + demand + "/project", Map.of()).json().get("id").asLong();
		Map<String, Object> produced = f.achievement(c.holder(), "链上成果", "叶轮", "PUBLIC");
		produced.put("projectId", project);
		long achievement = f.post(f.reps.get(c.holder()), "/api/v1/achievements", produced);
		Map<String, Object> hidden = f.achievement(c.holder(), "链上会员成果", "叶轮", "MEMBERS");
		hidden.put("projectId", project);
		f.post(f.reps.get(c.holder()), "/api/v1/achievements", hidden);

		String projectPage = client().get("/a/" + c.slug() + "/projects/" + project).body();
		assertThat(projectPage).contains("id=\"related\"").contains("发起本项目的技术需求").contains("/a/" + c.slug() + "/demands/" + demand)
			.contains("项目成果").contains("/a/" + c.slug() + "/achievements/" + achievement).doesNotContain("链上会员成果");
		assertThat(f.reps.get(c.seeker()).get("/api/v1/achievements?size=100").body()).contains("链上会员成果");
		String demandPage = client().get("/a/" + c.slug() + "/demands/" + demand).body();
		assertThat(demandPage).contains("id=\"project-link\"").contains("/a/" + c.slug() + "/projects/" + project);
		assertThat(client().get("/a/" + c.slug() + "/achievements/" + achievement).body()).contains("id=\"project-link\"");

		// the transfer: linked from both objects' pages for its sides, never for a visitor who may not read it
		var interest = f.reps.get(c.seeker()).post("/api/v1/interests", Map.of("demandId", demand, "achievementId", achievement,
				"organizationId", c.seeker()));
		long id = interest.json().get("id").asLong();
		assertThat(f.reps.get(c.holder()).post("/api/v1/interests/" + id + "/decision", Map.of("decision", "ACCEPT")).status())
			.isEqualTo(200);
		var recorded = f.reps.get(c.holder()).post("/api/v1/interests/" + id + "/transfer", Map.of("contractType", "LICENCE",
				"amount", 30, "date", "2026-11-01"));
		long transfer = recorded.json().get("transfer").get("id").asLong();
		var seekerPage = org.alliancehub.FormSession.signIn(port, f.usernames.get(c.seeker()), "password-" + f.usernames.get(c.seeker()));
		assertThat(seekerPage.get("/a/" + c.slug() + "/achievements/" + achievement).body()).contains("/transfers/" + transfer);
		assertThat(seekerPage.get("/a/" + c.slug() + "/demands/" + demand).body()).contains("/transfers/" + transfer);
		var transferPage = seekerPage.get("/a/" + c.slug() + "/transfers/" + transfer);
		assertThat(transferPage.statusCode()).isEqualTo(200);
		assertThat(transferPage.body()).contains("id=\"demand-link\"").contains("/a/" + c.slug() + "/demands/" + demand)
			.contains("id=\"achievement-link\"").contains("/a/" + c.slug() + "/achievements/" + achievement)
			.contains("/a/" + c.slug() + "/projects/" + project);
		assertThat(client().get("/a/" + c.slug() + "/achievements/" + achievement).body()).doesNotContain("/transfers/" + transfer);
		assertThat(client().get("/a/" + c.slug() + "/transfers/" + transfer).status()).isEqualTo(404);
		var outsiderPage = org.alliancehub.FormSession.signIn(port, f.usernames.get(c.outsider()),
				"password-" + f.usernames.get(c.outsider()));
		assertThat(outsiderPage.get("/a/" + c.slug() + "/demands/" + demand).body()).doesNotContain("/transfers/" + transfer);
		assertThat(outsiderPage.get("/transfers/" + transfer).statusCode()).isEqualTo(404);
	}
}
