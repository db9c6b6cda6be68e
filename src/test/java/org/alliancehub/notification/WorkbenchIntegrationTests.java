package org.alliancehub.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench (工作台) on the back office's start page: each module's waiting work for the alliances a user
 * serves and the organisations it represents, at a bounded number of SQL statements.
 */
class WorkbenchIntegrationTests extends IntegrationTest {

	@Autowired
	Notifications notifications;

	record Setup(List<String> slugs, String secretariat, long organization, String representative, List<Long> surveys) {
	}

	/** {@code n} alliances, each with a member organisation and a published survey; one secretariat of all of them. */
	Setup alliances(int n) {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> slugs = new ArrayList<>();
		List<Map<String, Object>> roles = new ArrayList<>();
		long org = admin.post("/api/v1/organizations", Map.of("name", "工作台单位" + tag, "type", "ENTERPRISE", "region", "河北省"))
			.json().get("id").asLong();
		for (int i = 0; i < n; i++) {
			String slug = "wb-" + tag + "-" + i;
			assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "工作台联盟" + slug)).status()).isEqualTo(201);
			assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER")).status())
				.isEqualTo(201);
			slugs.add(slug);
			roles.add(Map.of("role", "SECRETARIAT", "alliance", slug));
		}
		String secretariat = "wbs" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "工作台秘书处", "email",
				secretariat + "@example.org", "password", "password-" + secretariat, "roles", roles)).status()).isEqualTo(201);
		String rep = "wbr" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "工作台代表", "email",
				rep + "@example.org", "password", "password-" + rep, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status()).isEqualTo(201);
		TestClient sec = client().login(secretariat, "password-" + secretariat);
		List<Long> surveys = new ArrayList<>();
		for (String slug : slugs) {
			surveys.add(survey(sec, slug, "工作台调查" + slug));
		}
		return new Setup(slugs, secretariat, org, rep, surveys);
	}

	static long survey(TestClient sec, String slug, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("period", "2025");
		body.put("fields", List.of(Map.of("key", "staff", "label", "从业人员", "type", "INTEGER", "required", true, "min", 0)));
		body.put("deadline", "2099-03-31T17:00:00+08:00");
		var created = sec.post("/api/v1/alliances/" + slug + "/surveys", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(sec.post("/api/v1/surveys/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	FormSession signIn(String username) {
		return FormSession.signIn(port, username, "password-" + username);
	}

	@Test
	void secretariatSeesTheSurveysDueWithTheirResponseRateAndItsDraftsEachLinkedToWhereItIsDone() {
		Setup s = alliances(2);
		TestClient sec = client().login(s.secretariat(), "password-" + s.secretariat());
		var draft = sec.post("/api/v1/alliances/" + s.slugs().get(0) + "/articles", Map.of("title", "工作台草稿" + s.slugs().get(0),
				"category", "ALLIANCE_NEWS", "body", "<p>草稿正文</p>", "status", "DRAFT"));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		long article = draft.json().get("id").asLong();
		String page = signIn(s.secretariat()).get("/admin/").body();
		assertThat(page).contains("id=\"workbench\"");
		// greeted by the name the person is known by, not the sign-in name
		assertThat(page).contains("<h1>您好，工作台秘书处</h1>").doesNotContain("您好，" + s.secretariat());
		for (int i = 0; i < 2; i++) {
			assertThat(page).contains("工作台调查" + s.slugs().get(i), "0/1（0%）",
					"href=\"/admin/a/" + s.slugs().get(i) + "/surveys/" + s.surveys().get(i) + "\"");
		}
		assertThat(page).contains("工作台草稿" + s.slugs().get(0), "href=\"/admin/a/" + s.slugs().get(0) + "/articles/" + article + "\"");

		// done: the article is published, and the draft is no longer waiting
		assertThat(sec.patch("/api/v1/articles/" + article, Map.of("status", "PUBLISHED")).status()).isEqualTo(200);
		assertThat(signIn(s.secretariat()).get("/admin/").body()).doesNotContain("工作台草稿" + s.slugs().get(0))
			.contains("工作台调查" + s.slugs().get(0));
	}

	@Test
	void representativeSeesTheSurveyItsOrganisationMustAnswerUntilItIsSubmitted() {
		Setup s = alliances(1);
		long survey = s.surveys().get(0);
		FormSession rep = signIn(s.representative());
		String page = rep.get("/admin/").body();
		assertThat(page).contains("工作台调查" + s.slugs().get(0), "href=\"/surveys/" + survey + "/answer/" + s.organization() + "\"");
		TestClient api = client().login(s.representative(), "password-" + s.representative());
		var answered = api.send("PUT", "/api/v1/surveys/" + survey + "/responses/" + s.organization(),
				Map.of("values", Map.of("staff", 12), "submit", true));
		assertThat(answered.status()).as(answered.body()).isBetween(200, 201);
		assertThat(rep.get("/admin/").body()).doesNotContain("/surveys/" + survey + "/answer/");
		// and the secretariat's response rate follows
		assertThat(signIn(s.secretariat()).get("/admin/").body()).contains("1/1（100%）");
	}

	@Test
	void theWorkbenchCostsTheSameNumberOfStatementsForOneAllianceAsForFive() {
		Setup one = alliances(1);
		Setup five = alliances(5);
		// enough waiting work that the page for five outgrows 8 KiB, Tomcat's default response buffer, as it did in the
		// whole suite (where an earlier test's annual-report request adds a line per alliance): a page committed while
		// the filters still ran cost a second read of the session, 16 statements against 15
		TestClient sec = client().login(five.secretariat(), "password-" + five.secretariat());
		for (String slug : five.slugs()) {
			for (int i = 0; i < 3; i++) {
				var draft = sec.post("/api/v1/alliances/" + slug + "/articles", Map.of("title",
						"工作台长草稿" + i + "：" + "关于联盟年度重点工作安排与成员单位协同推进的说明".repeat(3) + slug,
						"category", "ALLIANCE_NEWS", "body", "<p>草稿正文</p>", "status", "DRAFT"));
				assertThat(draft.status()).as(draft.body()).isEqualTo(201);
			}
		}
		FormSession a = signIn(one.secretariat());
		FormSession b = signIn(five.secretariat());
		a.get("/admin/");
		b.get("/admin/");
		// the fewest of three reads each, counting only the statements sent while serving the page: the counter sees
		// every request thread, and a request of something else running at the same moment is no cost of the page
		long forOne = Long.MAX_VALUE;
		long forFive = Long.MAX_VALUE;
		List<String> sqlOne = List.of();
		List<String> sqlFive = List.of();
		String page = "";
		for (int i = 0; i < 3; i++) {
			STATEMENT_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();
			assertThat(a.get("/admin/").statusCode()).isEqualTo(200);
			List<String> oneLog = List.copyOf(STATEMENT_LOG);
			STATEMENT_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();
			page = b.get("/admin/").body();
			List<String> fiveLog = List.copyOf(STATEMENT_LOG);
			STATEMENT_LOG = null;
			if (ofThePage(oneLog).size() < forOne) {
				forOne = ofThePage(oneLog).size();
				sqlOne = oneLog;
			}
			if (ofThePage(fiveLog).size() < forFive) {
				forFive = ofThePage(fiveLog).size();
				sqlFive = fiveLog;
			}
		}
		System.out.printf("workbench statements: %d for one alliance, %d for five%n", forOne, forFive);
		if (forOne != forFive || sqlOne.size() != forOne || sqlFive.size() != forFive) {
			// what each page sent, and what other requests sent meanwhile: the difference names the statement
			System.out.println("workbench SQL for one:\n  " + String.join("\n  ", sqlOne));
			System.out.println("workbench SQL for five:\n  " + String.join("\n  ", sqlFive));
		}
		assertThat(page).contains("工作台调查" + five.slugs().get(4));
		assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("the page for five outgrows 8 KiB")
			.isGreaterThan(8 * 1024);
		// bounded whatever the number of alliances and the size of the page: a statement per alliance would add four
		assertThat(forFive).as("statements for five alliances").isEqualTo(forOne);
		assertThat(forFive).as("the workbench page's statements").isLessThanOrEqualTo(20);
	}

	/** The statements sent while serving {@code GET /admin/}, of a log of {@code IntegrationTest.STATEMENT_LOG}. */
	static List<String> ofThePage(List<String> log) {
		return log.stream().filter(line -> line.startsWith("GET /admin/ [")).toList();
	}

	static int bell(String page) {
		var m = java.util.regex.Pattern.compile("id=\"nav-bell\"[^>]*>[^<]*(<span class=\"badge\" data-count=\"(\\d+)\")?").matcher(page);
		assertThat(m.find()).as("the bell is on the page").isTrue();
		return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
	}

	@Test
	void theBellCountsNewWorkAndTheNotificationsPageMarksItRead() {
		Setup s = alliances(1);
		FormSession rep = signIn(s.representative());
		assertThat(bell(rep.get("/admin/password").body())).isZero();
		notifications.sweep();
		assertThat(bell(rep.get("/admin/password").body())).isEqualTo(1);
		String list = rep.get("/admin/notifications").body();
		assertThat(list).contains("工作台调查" + s.slugs().get(0), "href=\"/surveys/" + s.surveys().get(0) + "/answer/" + s.organization() + "\"");
		assertThat(bell(rep.get("/admin/password").body())).as("read once shown").isZero();
		// the same work found again is no new notification
		notifications.sweep();
		assertThat(bell(rep.get("/admin/password").body())).isZero();
		TestClient sec = client().login(s.secretariat(), "password-" + s.secretariat());
		survey(sec, s.slugs().get(0), "第二份工作台调查" + s.slugs().get(0));
		notifications.sweep();
		assertThat(bell(rep.get("/admin/password").body())).isEqualTo(1);
	}

	@Test
	void theKindsAUserChoseComeByMailAtOnceOrInTheDailyDigest() throws Exception {
		Setup s = alliances(1);
		FormSession sec = signIn(s.secretariat());
		FormSession rep = signIn(s.representative());
		assertThat(sec.get("/admin/notifications/settings").body()).contains("name=\"mode-survey\"");
		assertThat(sec.post("/admin/notifications/settings", "/admin/notifications/settings", "mode-survey=IMMEDIATE").statusCode())
			.isEqualTo(302);
		assertThat(rep.post("/admin/notifications/settings", "/admin/notifications/settings", "mode-survey=DAILY").statusCode())
			.isEqualTo(302);
		assertThat(sec.get("/admin/notifications/settings").body()).containsPattern("value=\"IMMEDIATE\"[^>]*checked");
		notifications.sweep();
		List<MimeMessage> toSecretariat = mailTo(s.secretariat() + "@example.org");
		assertThat(toSecretariat).hasSize(1);
		assertThat(plainText(toSecretariat.get(0))).contains("工作台调查" + s.slugs().get(0), "/admin/a/" + s.slugs().get(0) + "/surveys/");
		assertThat(mailTo(s.representative() + "@example.org")).as("the digest waits for its hour").isEmpty();
		notifications.sweep();
		assertThat(mailTo(s.secretariat() + "@example.org")).as("mailed once").hasSize(1);
		notifications.digest();
		List<MimeMessage> digest = mailTo(s.representative() + "@example.org");
		assertThat(digest).hasSize(1);
		assertThat(digest.get(0).getSubject()).contains("每日汇总");
		assertThat(plainText(digest.get(0))).contains("工作台调查" + s.slugs().get(0), "/surveys/" + s.surveys().get(0) + "/answer/");
		notifications.digest();
		assertThat(mailTo(s.representative() + "@example.org")).hasSize(1);
	}

	static List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			for (var to : m.getRecipients(Message.RecipientType.TO)) {
				if (to.toString().equals(address)) {
					found.add(m);
				}
			}
		}
		return found;
	}

	@Test
	void representativeSeesTheMotionItsOrganisationMustVoteOnUntilItHasVoted() {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String slug = "wbv-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "表决工作台联盟" + slug)).status()).isEqualTo(201);
		long org = admin.post("/api/v1/organizations", Map.of("name", "理事单位" + tag, "type", "ENTERPRISE")).json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "COUNCIL"));
		String rep = "wbv" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "理事代表", "password", "password-" + rep,
				"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status()).isEqualTo(201);
		var meeting = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1, "session", 1,
				"startsAt", "2099-06-20T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/wb"));
		assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
		long id = meeting.json().get("id").asLong();
		assertThat(admin.post("/api/v1/meetings/" + id + "/attendance", Map.of("organizationId", org, "present", true)).status())
			.isEqualTo(200);
		long motion = admin.post("/api/v1/meetings/" + id + "/motions", Map.of("title", "审议工作台议案" + tag)).json().get("id").asLong();
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(200);

		FormSession page = signIn(rep);
		assertThat(page.get("/admin/").body()).contains("审议工作台议案" + tag, "href=\"/meetings/" + id + "\"");
		TestClient api = client().login(rep, "password-" + rep);
		var voted = api.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES", "organizationId", org));
		assertThat(voted.status()).as(voted.body()).isBetween(200, 201);
		assertThat(page.get("/admin/").body()).doesNotContain("审议工作台议案" + tag);
	}
}
