package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Technology demands and achievements: posting in an organisation's name, every invalid field named, matching
 * with the site search's analysis (繁體 and 简体 as one) and its reasons, members-only objects of another alliance
 * never shown, and the rules of interest, decision and transfer with their refusals and e-mail.
 */
class TechnologyTransferIntegrationTests extends IntegrationTest {

	/** Distinctive words, so that the demo's own slurry-pump achievements do not compete. */
	static final String RIGHT_TITLE = "碳化硅陶瓷复合叶轮及磷化工料浆渣浆泵耐磨技术";

	static final String RIGHT_TEXT = "采用反应烧结碳化硅陶瓷复合叶轮和护板，用于磷化工料浆输送的渣浆泵，过流部件寿命提高三倍，已在磷肥企业应用。";

	final TransferFixtures f = new TransferFixtures(this::admin, this::client);

	final Map<Long, TestClient> reps = f.reps;

	final Map<Long, String> usernames = f.usernames;

	String slug;

	String otherSlug;

	long seeker;

	long holder;

	long outsider;

	@BeforeEach
	void twoAlliancesWithMembers() {
		slug = f.alliance("技术转移联盟");
		otherSlug = f.alliance("另一联盟");
		seeker = f.member(slug);
		holder = f.member(slug);
		outsider = f.member(otherSlug);
	}

	@Test
	void postingInAnotherOrganisationsNameIsRefused() {
		var r = reps.get(seeker).post("/api/v1/demands", f.demand(holder, "以他人名义发布的需求", "内容", "PUBLIC"));
		assertThat(r.status()).as(r.body()).isEqualTo(403);
		var a = reps.get(outsider).post("/api/v1/achievements", f.achievement(holder, "以他人名义", "内容", "PUBLIC"));
		assertThat(a.status()).as(a.body()).isEqualTo(403);
		assertThat(client().post("/api/v1/demands", f.demand(seeker, "匿名", "内容", "PUBLIC")).status()).isEqualTo(401);
		var own = reps.get(seeker).post("/api/v1/demands", f.demand(seeker, "本单位需求", "内容", "PUBLIC"));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		var byAdmin = admin().post("/api/v1/demands", f.demand(holder, "管理员代发需求", "内容", "PUBLIC"));
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
	}

	@Test
	void everyInvalidFieldOfADemandOrAchievementIsNamed() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("organizationId", seeker);
		bad.put("title", " ");
		bad.put("field", "ASTROLOGY");
		bad.put("region", "999999");
		bad.put("visibility", "SECRET");
		bad.put("maturity", 12);
		bad.put("ipStatus", "GRANTED_PATENT");
		bad.put("transferModes", List.of("SALE"));
		var r = reps.get(seeker).post("/api/v1/achievements", bad);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("title", "description", "field", "region", "visibility", "maturity",
				"patentNumber", "transferModes");
		Map<String, Object> badDemand = new HashMap<>(Map.of("organizationId", 987654321L, "title", "需求", "description",
				"内容", "field", "ENVIRONMENTAL", "region", "12", "budget", -5, "deadline", "明天"));
		var d = reps.get(seeker).post("/api/v1/demands", badDemand);
		assertThat(d.status()).as(d.body()).isEqualTo(400);
		assertThat(d.invalidFields()).contains("organizationId", "region", "budget", "deadline");
	}

	@Test
	void matchingRanksTheRightAchievementFirstForADemandInTraditionalOrSimplified() {
		String tag = "型号x" + UUID.randomUUID().toString().substring(0, 6);
		long right = f.post(reps.get(holder), "/api/v1/achievements",
				f.achievement(holder, RIGHT_TITLE + tag, RIGHT_TEXT + tag, "PUBLIC"));
		f.post(reps.get(holder), "/api/v1/achievements", Map.of("organizationId", holder, "title", "聚酯熔体直纺细旦纤维节能工艺",
				"description", "熔体直纺工艺改进，降低化纤生产能耗，适用于涤纶长丝企业。", "field", "CHEMICAL_FIBRE", "region", "330100",
				"maturity", 8, "ipStatus", "KNOW_HOW", "transferModes", List.of("LICENCE")));
		f.post(reps.get(holder), "/api/v1/achievements", Map.of("organizationId", holder, "title", "袋式除尘器覆膜滤料",
				"description", "覆膜滤料用于燃煤锅炉烟气除尘，排放低于十毫克。", "field", "ENVIRONMENTAL", "region", "320100",
				"maturity", 7, "ipStatus", "PENDING", "transferModes", List.of("ASSIGNMENT")));
		long traditional = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, "磷化工料漿渣漿泵葉輪磨損快",
				"我廠輸送磷化工料漿的渣漿泵葉輪磨損很快，尋求碳化矽陶瓷複合葉輪技術（" + tag + "），延長過流部件壽命。", "PUBLIC"));
		long simplified = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, "磷化工料浆渣浆泵叶轮磨损快",
				"我厂输送磷化工料浆的渣浆泵叶轮磨损很快，寻求碳化硅陶瓷复合叶轮技术（" + tag + "），延长过流部件寿命。", "PUBLIC"));
		for (long demand : List.of(traditional, simplified)) {
			var r = reps.get(seeker).get("/api/v1/demands/" + demand + "/matches");
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			JsonNode first = r.json().get("items").get(0);
			assertThat(first.get("id").asLong()).as(r.body()).isEqualTo(right);
			assertThat(first.get("organization").asString()).isNotBlank();
			assertThat(first.get("score").asDouble()).isPositive();
			String why = first.get("why").toString();
			assertThat(why).contains("共同关键词").contains("叶轮").contains("同一领域").contains("同一地区").contains("河北");
		}
		// and the other way round: the demands for the achievement
		var back = reps.get(holder).get("/api/v1/achievements/" + right + "/matches");
		assertThat(back.status()).as(back.body()).isEqualTo(200);
		List<Long> ids = back.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
		assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder(traditional, simplified);
	}

	@Test
	void aClearlyBetterTextOutranksAWeakerOneFromTheSameProvinceWithAHigherMaturity() {
		String tag = "型号y" + UUID.randomUUID().toString().substring(0, 6);
		long better = f.post(reps.get(holder), "/api/v1/achievements", Map.of("organizationId", holder, "title",
				tag + "高铬合金耐磨叶轮", "description", tag + "渣浆泵高铬合金耐磨叶轮，在高浓度矿浆中磨损减少一半，寿命延长。", "field",
				"FLUID_MACHINERY", "region", "440100", "maturity", 3, "ipStatus", "KNOW_HOW", "transferModes",
				List.of("LICENCE")));
		long nearby = f.post(reps.get(holder), "/api/v1/achievements", Map.of("organizationId", holder, "title",
				tag + "耐磨叶轮", "description", tag + "渣浆泵耐磨叶轮，用于高浓度矿浆，寿命延长。", "field", "FLUID_MACHINERY", "region", "130200",
				"maturity", 9, "ipStatus", "KNOW_HOW", "transferModes", List.of("LICENCE")));
		long demand = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, tag + "高铬合金耐磨叶轮",
				"我厂渣浆泵" + tag + "叶轮在高浓度矿浆中磨损快，寻求高铬合金耐磨叶轮，延长寿命。", "PUBLIC"));
		var r = reps.get(seeker).get("/api/v1/demands/" + demand + "/matches");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<Long> ids = r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
		assertThat(ids).as(r.body()).contains(better, nearby);
		assertThat(ids.indexOf(better)).as(r.body()).isLessThan(ids.indexOf(nearby));
	}

	@Test
	void membersOnlyAchievementsOfAnotherAllianceAreNeverMatchedNorShown() {
		long hidden = f.post(reps.get(outsider), "/api/v1/achievements",
				f.achievement(outsider, RIGHT_TITLE + "（会员专享）", RIGHT_TEXT, "MEMBERS"));
		long demand = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, "磷化工料浆渣浆泵叶轮磨损快",
				"寻求碳化硅陶瓷复合叶轮技术，用于磷化工料浆渣浆泵。", "PUBLIC"));
		var r = reps.get(seeker).get("/api/v1/demands/" + demand + "/matches");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList()).doesNotContain(hidden);
		assertThat(reps.get(seeker).get("/api/v1/achievements/" + hidden).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/achievements/" + hidden).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/achievements/" + hidden + "/matches").status()).isEqualTo(404);
		assertThat(reps.get(seeker).get("/api/v1/achievements?size=100").body()).doesNotContain("（会员专享）");
		// its own organisation reads it, and sees it matched for the demand (which is public)
		assertThat(reps.get(outsider).get("/api/v1/achievements/" + hidden).status()).isEqualTo(200);
		var own = reps.get(outsider).get("/api/v1/demands/" + demand + "/matches");
		assertThat(own.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList()).contains(hidden);
	}

	@Test
	void interestIsDecidedOnceByTheOtherSideAndAnAcceptedOneRecordsItsTransfer() throws Exception {
		long achievement = f.post(reps.get(holder), "/api/v1/achievements", f.achievement(holder, RIGHT_TITLE, RIGHT_TEXT, "PUBLIC"));
		long demand = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, "渣浆泵叶轮耐磨需求", "碳化硅陶瓷复合叶轮", "PUBLIC"));
		Map<String, Object> interest = Map.of("demandId", demand, "achievementId", achievement, "organizationId", seeker);
		// in another organisation's name, or for an organisation that is no side
		assertThat(reps.get(holder).post("/api/v1/interests", interest).status()).isEqualTo(403);
		var noSide = reps.get(outsider).post("/api/v1/interests", Map.of("demandId", demand, "achievementId", achievement,
				"organizationId", outsider));
		assertThat(noSide.status()).isEqualTo(400);
		assertThat(noSide.invalidFields()).contains("organizationId");
		assertThat(reps.get(seeker).post("/api/v1/interests", Map.of()).invalidFields())
			.contains("demandId", "achievementId", "organizationId");
		var made = reps.get(seeker).post("/api/v1/interests", interest);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		long id = made.json().get("id").asLong();
		assertThat(reps.get(seeker).post("/api/v1/interests", interest).status()).isEqualTo(409);
		String decision = "/api/v1/interests/" + id + "/decision";
		String transfer = "/api/v1/interests/" + id + "/transfer";
		Map<String, Object> signed = Map.of("contractType", "EQUITY", "amount", 120.5, "date", "2026-11-30");
		// the same side may not decide; an outsider does not see it; a decline needs a reason
		assertThat(reps.get(seeker).post(decision, Map.of("decision", "ACCEPT")).status()).isEqualTo(403);
		assertThat(reps.get(outsider).post(decision, Map.of("decision", "ACCEPT")).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/interests/" + id).status()).isIn(401, 404);
		var noReason = reps.get(holder).post(decision, Map.of("decision", "DECLINE"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.invalidFields()).contains("reason");
		assertThat(reps.get(holder).post(decision, Map.of("decision", "DECLINE", "reason", "BECAUSE")).invalidFields())
			.contains("reason");
		// not accepted yet: no transfer
		assertThat(reps.get(seeker).post(transfer, signed).status()).isEqualTo(409);
		var accepted = reps.get(holder).post(decision, Map.of("decision", "ACCEPT"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(reps.get(holder).post(decision, Map.of("decision", "DECLINE", "reason", "TERMS")).status())
			.isEqualTo(409);
		var badTransfer = reps.get(seeker).post(transfer, Map.of("contractType", "GIFT", "amount", -1));
		assertThat(badTransfer.status()).isEqualTo(400);
		assertThat(badTransfer.invalidFields()).contains("contractType", "amount", "date");
		assertThat(reps.get(outsider).post(transfer, signed).status()).isEqualTo(404);
		var recorded = reps.get(seeker).post(transfer, signed);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		long transferId = recorded.json().get("transfer").get("id").asLong();
		assertThat(recorded.json().get("transfer").get("contractType").asString()).isEqualTo("EQUITY");
		assertThat(reps.get(holder).post(transfer, signed).status()).isEqualTo(409);
		assertThat(reps.get(holder).get("/api/v1/transfers/" + transferId).status()).isEqualTo(200);
		assertThat(reps.get(outsider).get("/api/v1/transfers/" + transferId).status()).isEqualTo(404);

		// a declined interest gives its reason and records no transfer
		long other = f.post(reps.get(holder), "/api/v1/achievements", f.achievement(holder, "另一项成果", "陶瓷叶轮", "PUBLIC"));
		var second = reps.get(holder).post("/api/v1/interests", Map.of("demandId", demand, "achievementId", other,
				"organizationId", holder));
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		long secondId = second.json().get("id").asLong();
		var declined = reps.get(seeker).post("/api/v1/interests/" + secondId + "/decision",
				Map.of("decision", "DECLINE", "reason", "TOO_EARLY"));
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().get("reason").asString()).isEqualTo("TOO_EARLY");
		assertThat(reps.get(holder).post("/api/v1/interests/" + secondId + "/transfer", signed).status()).isEqualTo(409);

		// both sides are told of the interest, the decision and the transfer
		assertThat(f.mailTo(seeker, 3)).hasSizeGreaterThanOrEqualTo(3);
		List<MimeMessage> toHolder = f.mailTo(holder, 3);
		assertThat(toHolder).hasSizeGreaterThanOrEqualTo(3);
		StringBuilder texts = new StringBuilder();
		for (MimeMessage m : toHolder) {
			texts.append(m.getSubject()).append(plainText(m));
		}
		assertThat(texts.toString()).contains("合作意向").contains("已接受").contains("技术转化已登记").contains(RIGHT_TITLE);
	}

	@Test
	void theDemandPageShowsRankedMatchesWithReasonsAndTheInterestFormToItsRepresentative() throws Exception {
		String tag = "型号y" + UUID.randomUUID().toString().substring(0, 6);
		long right = f.post(reps.get(holder), "/api/v1/achievements",
				f.achievement(holder, RIGHT_TITLE + tag, RIGHT_TEXT + tag, "PUBLIC"));
		long demand = f.post(reps.get(seeker), "/api/v1/demands", f.demand(seeker, "磷化工料浆渣浆泵叶轮磨损快" + tag,
				"寻求碳化硅陶瓷复合叶轮技术，用于磷化工料浆渣浆泵。" + tag, "PUBLIC"));
		String path = "/a/" + slug + "/demands/" + demand;
		FormSession browser = FormSession.signIn(port, usernames.get(seeker), "password-" + usernames.get(seeker));
		var page = browser.get(path);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"match-" + right + "\"").contains(RIGHT_TITLE + tag).contains("共同关键词")
			.contains("同一领域").contains("表达合作意向").contains("name=\"achievementId\"");
		// the form expresses interest in the demand's organisation's name; the holder's representative then decides
		var sent = browser.post(path, path + "/interest", "achievementId=" + right);
		assertThat(sent.statusCode()).isIn(200, 302, 303);
		var after = browser.get(path);
		assertThat(after.body()).contains("id=\"interests\"").contains("待答复");
		var anonymous = client().get(path);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).contains(RIGHT_TITLE + tag).doesNotContain("name=\"achievementId\"");
		assertThat(client().get("/a/" + slug + "/achievements/" + right).body()).contains("磷化工料浆渣浆泵叶轮磨损快" + tag);
		assertThat(client().get("/a/" + slug + "/demands").body()).contains("demand-" + demand);
		assertThat(client().get("/a/" + slug + "/achievements").body()).contains("achievement-" + right);
		assertThat(client().get("/a/" + otherSlug + "/demands").body()).doesNotContain("demand-" + demand + "\"");
		// a demand shown on another alliance's site is sent to its own
		var elsewhere = client().get("/a/" + otherSlug + "/demands/" + demand);
		assertThat(elsewhere.status()).isIn(301, 302, 303);
	}

	@Test
	void anAchievementLinksTheProjectItCameFromAndAnUnknownProjectIsNamed() {
		TestClient sec = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var project = sec.post("/api/v1/alliances/" + slug + "/projects", Map.of("title", "联合攻关渣浆泵叶轮", "leadOrganizationId",
				holder, "visibility", "PUBLIC", "summary", "叶轮耐磨"));
		assertThat(project.status()).as(project.body()).isEqualTo(201);
		long projectId = project.json().get("id").asLong();
		Map<String, Object> linked = f.achievement(holder, "项目产出的成果", "叶轮耐磨", "PUBLIC");
		linked.put("projectId", projectId);
		long id = f.post(reps.get(holder), "/api/v1/achievements", linked);
		assertThat(client().get("/api/v1/achievements/" + id).json().get("project").get("title").asString())
			.isEqualTo("联合攻关渣浆泵叶轮");
		assertThat(client().get("/a/" + slug + "/achievements/" + id).body()).contains("id=\"project-link\"")
			.contains("/a/" + slug + "/projects/" + projectId);
		linked.put("projectId", 987654321L);
		var unknown = reps.get(holder).post("/api/v1/achievements", linked);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("projectId");
	}

	@Test
	void theDemoMatchesAreComputedByTheMatcher() {
		var demands = client().get("/api/v1/demands?size=100").json().get("items");
		long pumpDemand = demands.valueStream().filter(d -> d.get("title").asString().equals("脱硫循环泵过流部件耐磨寿命提升"))
			.findFirst().orElseThrow().get("id").asLong();
		var matches = client().get("/api/v1/demands/" + pumpDemand + "/matches");
		assertThat(matches.json().get("items").get(0).get("title").asString()).isEqualTo("高铬铸铁耐磨合金及渣浆泵过流部件热处理技术");
		// the network's register lists every alliance's, marked as demo data: newest first, so the demo's, made at the
		// start, are on its last pages once the other tests have posted theirs
		StringBuilder register = new StringBuilder();
		for (int page = 0; page < 50 && !(register.toString().contains("脱硫循环泵过流部件耐磨寿命提升")
				&& register.toString().contains("聚酯熔体直纺节能降耗")); page++) {
			var network = client().get("/a/lmxfw/demands?page=" + page);
			assertThat(network.status()).isEqualTo(200);
			register.append(network.body());
		}
		assertThat(register.toString()).contains("脱硫循环泵过流部件耐磨寿命提升").contains("聚酯熔体直纺节能降耗").contains("演示数据");
	}
}
