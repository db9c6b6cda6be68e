package org.alliancehub.annual;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity dashboard's scores recomputed in the test from the records it made: a fresh alliance gets one
 * record of every kind the published formula counts (through the API, this year), then each indicator of
 * {@code GET /api/v1/activity} is compared with value × weight, capped and normalised as the published
 * formula says, and the score with their sum.
 */
class ActivityRecomputedIntegrationTests extends IntegrationTest {

	static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	@org.springframework.beans.factory.annotation.Autowired
	Activity activity;

	TestClient admin;

	String slug;

	long allianceId;

	/** What the test made, by indicator: the value each should have. */
	final Map<String, Long> made = new HashMap<>();

	JsonNode created(TestClient.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		return r.json();
	}

	long organization(String name) {
		long id = created(admin.post("/api/v1/organizations", Map.of("name", name + UUID.randomUUID(), "type", "ENTERPRISE")))
			.get("id").asLong();
		created(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", "MEMBER",
				"since", YEAR + "-01-02")));
		return id;
	}

	void records() {
		admin = admin();
		slug = "ac-" + UUID.randomUUID().toString().substring(0, 8);
		allianceId = created(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "活跃度复算联盟" + slug))).get("id").asLong();
		String a = "/api/v1/alliances/" + slug;
		// members joined: two organisations, this year
		long seeker = organization("需求单位");
		long holder = organization("成果单位");
		long leaving = organization("退出单位");
		assertThat(admin.delete(a + "/members/" + leaving).status()).isBetween(200, 204);
		made.put("members.joined", 3L);
		made.put("members.left", 1L);
		// a meeting held (this year, already begun) with its resolution adopted, and a motion decided
		long meeting = created(admin.post(a + "/meetings", Map.of("kind", "COUNCIL", "term", 1, "session", 1,
				"startsAt", YEAR + "-01-15T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/a")))
			.get("id").asLong();
		made.put("meetings.held", 1L);
		created(admin.put("/api/v1/meetings/" + meeting + "/resolution", Map.of("text", "会议审议通过年度工作报告。", "version", 0)));
		made.put("resolutions.adopted", 1L);
		long motion = created(admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "审议年度工作报告")))
			.get("id").asLong();
		created(admin.post("/api/v1/motions/" + motion + "/open", Map.of()));
		created(admin.post("/api/v1/motions/" + motion + "/close", Map.of()));
		made.put("motions.decided", 1L);
		// an article and a briefing published this year
		created(admin.post(a + "/articles", Map.of("title", "联盟动态", "category", "ALLIANCE_NEWS", "body", "<p>x</p>",
				"status", "PUBLISHED", "publishedAt", YEAR + "-02-01T09:00:00+08:00")));
		made.put("articles.published", 1L);
		created(admin.post(a + "/briefings", Map.of("issueNumber", 1, "title", "简报第1期", "publishedOn", YEAR + "-02-02",
				"body", "<p>x</p>")));
		made.put("briefings.published", 1L);
		// a survey of the two members, due this year, answered by one: 50 %
		long survey = created(admin.post(a + "/surveys", Map.of("title", "年度统计", "period", String.valueOf(YEAR),
				"deadline", OffsetDateTime.of(YEAR, 12, 31, 12, 0, 0, 0, java.time.ZoneOffset.ofHours(8)).toString(),
				"fields", List.of(Map.of("key", "staff", "label", "职工人数", "type", "INTEGER"))))).get("id").asLong();
		created(admin.post("/api/v1/surveys/" + survey + "/publish", Map.of()));
		created(admin.put("/api/v1/surveys/" + survey + "/responses/" + seeker, Map.of("values", Map.of("staff", 10), "submit", true)));
		made.put("surveys.held", 1L);
		made.put("surveys.responseRate", 50L);
		// a project started, an agreement signed, a base established this year
		created(admin.post(a + "/projects", Map.of("title", "联合攻关", "leadOrganizationId", seeker, "startsOn", YEAR + "-03-01")));
		made.put("projects.started", 1L);
		long agreement = created(admin.post(a + "/agreements", Map.of("title", "合作协议", "signedOn", YEAR + "-03-02",
				"parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "某市人民政府"))))).get("id").asLong();
		made.put("agreements.signed", 1L);
		created(admin.post(a + "/bases", Map.of("name", "示范基地", "hostOrganizationId", holder, "agreementId", agreement)));
		made.put("bases.established", 1L);
		// a demand and an achievement posted, the interest accepted and the transfer recorded
		long demand = created(admin.post("/api/v1/demands", Map.of("organizationId", seeker, "title", "叶轮需求", "description", "叶轮",
				"field", "FLUID_MACHINERY", "region", "130100", "visibility", "PUBLIC", "budget", 80, "deadline", (YEAR + 1) + "-06-30")))
			.get("id").asLong();
		made.put("demands.posted", 1L);
		Map<String, Object> achievement = new HashMap<>(Map.of("organizationId", holder, "title", "叶轮成果", "description", "叶轮",
				"field", "FLUID_MACHINERY", "region", "130200", "visibility", "PUBLIC", "maturity", 7, "ipStatus",
				"GRANTED_PATENT", "patentNumber", "ZL202310000000.1", "transferModes", List.of("LICENCE")));
		long achieved = created(admin.post("/api/v1/achievements", achievement)).get("id").asLong();
		made.put("achievements.posted", 1L);
		// the holder's representative expresses the interest; the administrator answers for the seeker
		TestClient holderRep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", holder)));
		long interest = created(holderRep.post("/api/v1/interests", Map.of("demandId", demand, "achievementId", achieved,
				"organizationId", holder))).get("id").asLong();
		created(admin.post("/api/v1/interests/" + interest + "/decision", Map.of("decision", "ACCEPT")));
		made.put("interests.accepted", 1L);
		created(holderRep.post("/api/v1/interests/" + interest + "/transfer", Map.of("contractType", "LICENCE", "amount", 30,
				"date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())));
		made.put("transfers.recorded", 1L);
		// a group standard published and a certificate issued this year
		created(admin.post(a + "/standards/published", Map.of("number", "T/AC" + Long.toString(System.nanoTime() % 1_000_000_000L, 36)
			.toUpperCase(java.util.Locale.ROOT) + " 001-" + YEAR, "title", "渣浆泵团体标准", "scope", "范围", "issuedOn", YEAR + "-03-01",
				"effectiveOn", YEAR + "-04-01")));
		made.put("standards.published", 1L);
		created(admin.post(a + "/certificates", Map.of("kind", "QUALIFICATION", "holderOrganizationId", holder, "subject", "资质",
				"scope", "范围", "issuedOn", YEAR + "-01-05", "validUntil", (YEAR + 4) + "-01-04")));
		made.put("certificates.issued", 1L);
	}

	static JsonNode item(JsonNode ranking, String slug) {
		for (JsonNode i : ranking.get("items")) {
			if (i.get("alliance").asString().equals(slug)) {
				return i;
			}
		}
		throw new AssertionError(slug + " not ranked");
	}

	static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

	@Test
	void everyIndicatorOfThePublishedFormulaIsRecomputedFromTheRecordsMade() {
		records();
		JsonNode formula = client().get("/api/v1/activity/formula").json();
		int version = formula.get("version").asInt();
		var r = admin.get("/api/v1/activity?period=" + YEAR + "&formula=" + version);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode ranking = r.json();
		JsonNode mine = item(ranking, slug);
		Map<String, JsonNode> shown = new HashMap<>();
		mine.get("indicators").forEach(i -> shown.put(i.get("key").asString(), i));

		boolean best = formula.get("normalisation").asString().equals("BEST");
		double expected = 0;
		for (JsonNode indicator : formula.get("indicators")) {
			String key = indicator.get("key").asString();
			double weight = indicator.get("weight").asDouble();
			long cap = indicator.get("cap").asLong();
			assertThat(made).as("the test makes a record for every indicator of the published formula").containsKey(key);
			long value = made.get(key);
			// under BEST the divisor is the period's best value of any alliance (what the ranking shows), at most the cap
			long top = 0;
			for (JsonNode it : ranking.get("items")) {
				for (JsonNode p : it.get("indicators")) {
					if (p.get("key").asString().equals(key)) {
						top = Math.max(top, p.get("value").asLong());
					}
				}
			}
			long divisor = best ? Math.min(cap, top) : cap;
			double points = divisor <= 0 || value <= 0 ? 0 : round(weight * Math.min(value, divisor) / divisor);
			JsonNode got = shown.get(key);
			assertThat(got).as(key + " shown").isNotNull();
			assertThat(got.get("value").asLong()).as(key + " value moved by its record").isEqualTo(value);
			assertThat(got.get("weight").asDouble()).as(key + " weight").isEqualTo(weight);
			assertThat(got.get("points").asDouble()).as(key + " points").isEqualTo(points);
			assertThat(points).as(key + " gives points").isPositive();
			expected += points;
		}
		assertThat(mine.get("score").asDouble()).isEqualTo(round(expected));
		long better = 0;
		for (JsonNode it : ranking.get("items")) {
			if (it.get("score").asDouble() > mine.get("score").asDouble()) {
				better++;
			}
		}
		assertThat(mine.get("rank").asLong()).isEqualTo(better + 1);
	}

	@Test
	void everyKindOfRecordMovesItsFactIncludingThoseTheFormulaDoesNotWeighYet() {
		records();
		var facts = activity.facts(List.of(allianceId), YEAR).getOrDefault(allianceId, Map.of());
		// every kind of record the issue names is counted: standards and certificates too
		assertThat(activity.keys()).containsAll(made.keySet());
		for (String key : activity.keys()) {
			assertThat(made).as("the test makes a record of every kind the modules count: " + key).containsKey(key);
			assertThat(facts.get(key)).as(key + " moved by its record").isNotNull();
			assertThat(facts.get(key).value()).as(key).isEqualTo(made.get(key));
		}
	}
}
