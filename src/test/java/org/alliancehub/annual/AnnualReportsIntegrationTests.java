package org.alliancehub.annual;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annual work reports through the API: the network requests them, each alliance's draft is made from its own
 * records of the year (recounted here from the records the test creates), only its secretariat reads and edits
 * it, it is submitted once, and the network compiles the submitted ones.
 */
class AnnualReportsIntegrationTests extends IntegrationTest {

	/** A past year: the records below carry dates in it, and no other test uses it. */
	static final int YEAR = 2024;

	TestClient admin;

	@BeforeEach
	void requestTheYear() {
		admin = admin();
		var r = admin.post("/api/v1/report-requests", Map.of("year", YEAR, "deadline", OffsetDateTime.now().plusDays(30).toString()));
		assertThat(r.status()).as(r.body()).isIn(201, 409);
	}

	record Made(String slug, TestClient secretariat, String email) {
	}

	Made alliance() {
		String slug = "ar-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "年报联盟" + slug)).status()).isEqualTo(201);
		String username = "ar" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.org";
		var u = admin.post("/api/v1/users", Map.of("username", username, "displayName", "秘书处" + username, "email", email,
				"password", "password-" + username, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return new Made(slug, client().login(username, "password-" + username), email);
	}

	/** Two articles and a briefing published in the year, one article of another year, a draft; two members joined. */
	void records(Made a) {
		TestClient s = a.secretariat();
		for (String at : List.of(YEAR + "-03-01T09:00:00+08:00", YEAR + "-11-20T09:00:00+08:00", (YEAR - 1) + "-05-01T09:00:00+08:00")) {
			var r = s.post("/api/v1/alliances/" + a.slug() + "/articles", Map.of("title", "动态" + at, "category", "ALLIANCE_NEWS",
					"body", "<p>工作</p>", "status", "PUBLISHED", "publishedAt", at));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}
		assertThat(s.post("/api/v1/alliances/" + a.slug() + "/articles", Map.of("title", "草稿", "category", "ALLIANCE_NEWS",
				"body", "<p>草稿</p>")).status()).isEqualTo(201);
		assertThat(s.post("/api/v1/alliances/" + a.slug() + "/briefings", Map.of("issueNumber", 140, "title", "简报第140期",
				"publishedOn", YEAR + "-06-30", "body", "<p>简报</p>")).status()).isEqualTo(201);
		for (String since : List.of(YEAR + "-02-01", YEAR + "-09-01", (YEAR - 2) + "-01-01")) {
			var o = admin.post("/api/v1/organizations", Map.of("name", "成员单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
			assertThat(o.status()).as(o.body()).isEqualTo(201);
			var m = admin.post("/api/v1/alliances/" + a.slug() + "/members",
					Map.of("organizationId", o.json().get("id").asLong(), "role", "MEMBER", "since", since));
			assertThat(m.status()).as(m.body()).isEqualTo(201);
		}
	}

	static Map<String, JsonNode> figures(JsonNode report) {
		Map<String, JsonNode> byKey = new HashMap<>();
		report.get("figures").forEach(f -> byKey.put(f.get("key").asString(), f));
		return byKey;
	}

	@Test
	void draftFiguresAreTheAlliancesOwnRecordsOfTheYearEachWithItsSource() {
		Made a = alliance();
		records(a);
		var r = a.secretariat().get("/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> f = figures(r.json());
		assertThat(f.get("articles.published").get("value").asLong()).isEqualTo(2);
		assertThat(f.get("articles.published").get("source").asString()).isEqualTo("/a/" + a.slug() + "/news");
		assertThat(f.get("briefings.published").get("value").asLong()).isEqualTo(1);
		assertThat(f.get("briefings.published").get("source").asString()).isEqualTo("/a/" + a.slug() + "/briefings");
		assertThat(f.get("members.joined").get("value").asLong()).isEqualTo(2);
		assertThat(f.get("members.joined").get("source").asString()).isEqualTo("/a/" + a.slug() + "/members");
		assertThat(f.get("meetings.held").get("value").asLong()).isZero();
		assertThat(f.keySet()).contains("resolutions.adopted", "motions.decided", "members.left", "surveys.held",
				"surveys.responseRate", "projects.started", "agreements.signed", "bases.established", "demands.posted",
				"achievements.posted", "interests.accepted", "transfers.recorded");
		// certificates have no public register page: their source is the secretariat's register of the alliance
		f.values().forEach(x -> assertThat(x.get("source").asString()).matches("(/admin)?/a/" + a.slug() + "/.+"));
		assertThat(r.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(r.json().get("summary").asString()).contains("2");
		// the other year's records make another draft
		var other = a.secretariat().get("/api/v1/alliances/" + a.slug() + "/annual-reports/" + (YEAR - 1));
		assertThat(other.status()).isEqualTo(404); // not requested
	}

	@Test
	void onlyTheAlliancesSecretariatReadsAndEditsItsDraft() {
		Made a = alliance();
		Made b = alliance();
		String path = "/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR;
		assertThat(b.secretariat().get(path).status()).isEqualTo(404);
		assertThat(b.secretariat().patch(path, Map.of("summary", "篡改", "version", 0)).status()).isEqualTo(404);
		assertThat(b.secretariat().post(path + "/submit", Map.of()).status()).isEqualTo(404);
		assertThat(client().get(path).status()).isIn(401, 404);
		assertThat(a.secretariat().get("/api/v1/alliances/nope-" + UUID.randomUUID() + "/annual-reports/" + YEAR).status())
			.isEqualTo(404);
		assertThat(a.secretariat().get(path).status()).isEqualTo(200);
		assertThat(admin.get(path).status()).isEqualTo(200);
		// the network's pages are not a secretariat's
		assertThat(a.secretariat().get("/api/v1/network/annual-reports/" + YEAR).status()).isEqualTo(403);
		assertThat(a.secretariat().post("/api/v1/report-requests", Map.of("year", 2030, "deadline",
				OffsetDateTime.now().plusDays(3).toString())).status()).isEqualTo(403);
	}

	@Test
	void editWithVersionThenSubmitOnceThenReadOnly() {
		Made a = alliance();
		String path = "/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR;
		var edited = a.secretariat().patch(path, Map.of("summary", "全年召开理事会两次。", "plan", "明年计划", "version", 0));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("summary").asString()).isEqualTo("全年召开理事会两次。");
		long version = edited.json().get("version").asLong();
		assertThat(a.secretariat().patch(path, Map.of("plan", "旧版本", "version", version - 1)).status()).isEqualTo(409);
		var submitted = a.secretariat().post(path + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().get("editable").asBoolean()).isFalse();
		assertThat(a.secretariat().post(path + "/submit", Map.of()).status()).isEqualTo(409);
		assertThat(a.secretariat().patch(path, Map.of("plan", "改", "version", submitted.json().get("version").asLong()))
			.status()).isEqualTo(409);
		// the network's report holds it, and the status shows it submitted
		var network = admin.get("/api/v1/network/annual-reports/" + YEAR);
		assertThat(network.status()).as(network.body()).isEqualTo(200);
		assertThat(network.json().get("reports").toString()).contains(a.slug(), "全年召开理事会两次。");
		var status = admin.get("/api/v1/report-requests/" + YEAR);
		assertThat(status.body()).contains("\"alliance\":\"" + a.slug() + "\",\"allianceName\":\"年报联盟" + a.slug() + "\",\"status\":\"SUBMITTED\"");
	}

	@Test
	void afterTheDeadlineTheDraftCannotChange() throws Exception {
		Made a = alliance();
		String path = "/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR;
		try {
			assertThat(admin.patch("/api/v1/report-requests/" + YEAR,
					Map.of("deadline", OffsetDateTime.now().plusSeconds(2).toString())).status()).isEqualTo(200);
			Thread.sleep(2500);
			assertThat(a.secretariat().patch(path, Map.of("plan", "迟到", "version", 0)).status()).isEqualTo(409);
			assertThat(a.secretariat().post(path + "/submit", Map.of()).status()).isEqualTo(409);
			assertThat(a.secretariat().get(path).json().get("editable").asBoolean()).isFalse();
		}
		finally {
			admin.patch("/api/v1/report-requests/" + YEAR, Map.of("deadline", OffsetDateTime.now().plusDays(30).toString()));
		}
	}

	@Test
	void everyInvalidFieldIsNamed() {
		var r = admin.post("/api/v1/report-requests", Map.of("year", 1999, "deadline", "2001-01-01T00:00:00+08:00"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("year", "deadline");
		Made a = alliance();
		var p = a.secretariat().patch("/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR,
				Map.of("summary", "长".repeat(20001)));
		assertThat(p.status()).isEqualTo(400);
		assertThat(p.invalidFields()).contains("summary", "version");
	}

	@Test
	void remindersGoToTheSecretariatsThatHaveNotSubmitted() throws Exception {
		Made a = alliance();
		Made done = alliance();
		assertThat(done.secretariat().post("/api/v1/alliances/" + done.slug() + "/annual-reports/" + YEAR + "/submit", Map.of())
			.status()).isEqualTo(200);
		var sent = admin.post("/api/v1/report-requests/" + YEAR + "/reminders", Map.of());
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		List<String> to = new java.util.ArrayList<>();
		for (var m : MAIL.getReceivedMessages()) {
			for (var x : m.getAllRecipients()) {
				to.add(x.toString());
			}
		}
		assertThat(to).contains(a.email()).doesNotContain(done.email());
	}

	@Test
	void theNetworkReportComesAsPdfWithProgress() throws Exception {
		Made a = alliance();
		records(a);
		assertThat(a.secretariat().post("/api/v1/alliances/" + a.slug() + "/annual-reports/" + YEAR + "/submit", Map.of())
			.status()).isEqualTo(200);
		var pdf = admin.getBytes("/api/v1/network/annual-reports/" + YEAR + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		var job = admin.post("/api/v1/network/annual-reports/" + YEAR + "/pdf-jobs", Map.of());
		assertThat(job.status()).isEqualTo(202);
		String location = job.header("Location");
		JsonNode state = job.json();
		for (int i = 0; i < 300 && "RUNNING".equals(state.get("state").asString()); i++) {
			Thread.sleep(100);
			state = admin.get(location).json();
		}
		assertThat(state.get("state").asString()).isEqualTo("DONE");
		assertThat(state.get("percent").asInt()).isEqualTo(100);
		assertThat(admin.getBytes(location + "/report.pdf").bytes().length).isGreaterThan(1000);
	}
}
