package org.alliancehub.governance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From vote to effect through the API: the resolution drafted from the votes, minutes approved and published. */
class MinutesIntegrationTests extends IntegrationTest {

	TestClient admin;

	TestClient secretariat;

	String slug;

	long chair;

	long council;

	long absent;

	Map<Long, TestClient> reps = new HashMap<>();

	@BeforeEach
	void alliance() {
		admin = admin();
		GovernanceFixtures f = new GovernanceFixtures(admin, client(), "纪要测试联盟");
		slug = f.slug;
		reps = f.reps;
		secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		absent = f.organization("COUNCIL");
	}

	long meeting() {
		var r = secretariat.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 2, "session", 3,
				"startsAt", "2023-02-24T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/m"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	long motion(long meeting, String title, String majority, Map<Long, String> votes) {
		long id = secretariat.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", title, "majority", majority))
			.json().get("id").asLong();
		assertThat(secretariat.post("/api/v1/motions/" + id + "/open", Map.of()).status()).isEqualTo(200);
		votes.forEach((org, choice) -> assertThat(reps.get(org).post("/api/v1/motions/" + id + "/votes",
				Map.of("choice", choice)).status()).isEqualTo(201));
		assertThat(secretariat.post("/api/v1/motions/" + id + "/close", Map.of()).status()).isEqualTo(200);
		return id;
	}

	void present(long meeting, long org, boolean present) {
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/attendance",
				Map.of("organizationId", org, "present", present)).status()).isEqualTo(200);
	}

	/** A meeting with one adopted, one rejected and one motion that failed for want of a quorum. */
	long decidedMeeting() {
		long meeting = meeting();
		present(meeting, chair, true);
		present(meeting, council, true);
		motion(meeting, "2022年工作总结及2023年工作计划", "SIMPLE", Map.of(chair, "YES", council, "YES"));
		motion(meeting, "修改联盟章程", "TWO_THIRDS", Map.of(chair, "YES", council, "NO"));
		present(meeting, council, false);
		motion(meeting, "调整会费标准", "SIMPLE", Map.of(chair, "YES"));
		return meeting;
	}

	TestClient otherSecretariat() {
		String other = "m-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "另一个纪要联盟" + other));
		return TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
	}

	JsonNode publish(long meeting, String body, String visibility) {
		var written = secretariat.put("/api/v1/meetings/" + meeting + "/minutes", Map.of("body", body, "visibility", visibility));
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		var approved = secretariat.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		var published = secretariat.post("/api/v1/meetings/" + meeting + "/minutes/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return published.json();
	}

	JsonNode search(TestClient client, String q) {
		var r = client.get("/api/v1/search?alliance=" + slug + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	@Test
	void theResolutionIsDraftedFromTheClosedMotionsAsAllianceDocumentsWriteThem() {
		long meeting = decidedMeeting();
		JsonNode draft = secretariat.get("/api/v1/meetings/" + meeting + "/resolution").json();
		String text = draft.get("text").asString();
		assertThat(draft.get("saved").asBoolean()).isFalse();
		assertThat(text).startsWith("第二届第三次理事会决议\n2023年2月24日，纪要测试联盟" + slug + "第二届第三次理事会以线上会议方式召开。")
			.contains("一、会议审议通过了《2022年工作总结及2023年工作计划》。表决结果：赞成2票，反对0票，弃权0票。")
			.contains("二、会议审议了《修改联盟章程》，未获通过。表决结果：赞成1票，反对1票，弃权0票。")
			.contains("三、会议未能对《调整会费标准》作出决定：表决时到会表决单位1家（应到3家），未达到法定人数。")
			.endsWith("特此决议。\n纪要测试联盟" + slug + "\n2023年2月24日");

		assertThat(reps.get(chair).get("/api/v1/meetings/" + meeting + "/resolution").status()).isEqualTo(404);
		assertThat(client().get("/api/v1/meetings/" + meeting + "/resolution").status()).isEqualTo(404);
		assertThat(otherSecretariat().put("/api/v1/meetings/" + meeting + "/resolution",
				Map.of("text", "篡改的决议", "version", 0)).status()).isEqualTo(404);

		var invalid = secretariat.put("/api/v1/meetings/" + meeting + "/resolution", Map.of("text", " "));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.invalidFields()).containsExactlyInAnyOrder("text", "version");
		assertThat(secretariat.put("/api/v1/meetings/" + meeting + "/resolution", Map.of("text", "决议", "version", 3))
			.status()).isEqualTo(409);
		var saved = secretariat.put("/api/v1/meetings/" + meeting + "/resolution",
				Map.of("text", text.replace("特此决议。", "会议要求秘书处抓好落实。\n特此决议。"), "version", 0));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("saved").asBoolean()).isTrue();
		assertThat(saved.json().get("version").asLong()).isEqualTo(1);
		assertThat(secretariat.put("/api/v1/meetings/" + meeting + "/resolution", Map.of("text", "旧版本的修改", "version", 0))
			.status()).as("a second first text is a stale version").isEqualTo(409);
		assertThat(secretariat.get("/api/v1/meetings/" + meeting + "/resolution").json().get("text").asString())
			.contains("会议要求秘书处抓好落实。");
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/resolution/draft", Map.of("version", 0)).status())
			.as("drafting again over a stale version").isEqualTo(409);
		JsonNode redrafted = secretariat.post("/api/v1/meetings/" + meeting + "/resolution/draft", Map.of("version", 1)).json();
		assertThat(redrafted.get("text").asString()).isEqualTo(text);
		assertThat(redrafted.get("version").asLong()).isEqualTo(2);
	}

	@Test
	void minutesGoFromDraftThroughApprovalToPublicationAndRefuseEveryStepOutOfTurn() {
		long meeting = decidedMeeting();
		assertThat(secretariat.get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);
		var invalid = secretariat.put("/api/v1/meetings/" + meeting + "/minutes", Map.of("body", "<p> </p>"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.invalidFields()).containsExactlyInAnyOrder("body", "visibility");
		assertThat(secretariat.get("/api/v1/meetings/" + meeting + "/minutes").status()).as("a refused write changes nothing")
			.isEqualTo(404);
		assertThat(client().put("/api/v1/meetings/" + meeting + "/minutes",
				Map.of("body", "<p>匿名写的纪要</p>", "visibility", "PUBLIC")).status()).isEqualTo(401);
		TestClient other = otherSecretariat();
		assertThat(other.put("/api/v1/meetings/" + meeting + "/minutes",
				Map.of("body", "<p>别的联盟写的纪要</p>", "visibility", "PUBLIC")).status()).isEqualTo(404);

		var written = secretariat.put("/api/v1/meetings/" + meeting + "/minutes",
				Map.of("body", "<p>会议由理事长单位主持。<script>alert(1)</script></p>", "visibility", "PUBLIC"));
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		assertThat(written.json().get("body").asString()).contains("会议由理事长单位主持。").doesNotContain("script");
		assertThat(written.json().get("status").asString()).isEqualTo("DRAFT");
		long version = written.json().get("version").asLong();
		assertThat(client().get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);
		assertThat(reps.get(chair).get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);
		assertThat(other.get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);

		assertThat(secretariat.put("/api/v1/meetings/" + meeting + "/minutes",
				Map.of("body", "<p>没有版本</p>", "visibility", "PUBLIC")).invalidFields()).containsExactly("version");
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/minutes/publish", Map.of()).status())
			.as("draft minutes cannot be published").isEqualTo(409);
		assertThat(other.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of()).status()).isEqualTo(404);
		assertThat(reps.get(chair).post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of()).status()).isEqualTo(403);
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of("version", version + 5))
			.status()).as("a stale version").isEqualTo(409);

		JsonNode approved = secretariat.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of("version", version)).json();
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("approvedBy").asString()).isEqualTo("测试用户");
		assertThat(approved.get("approvedAt").isNull()).isFalse();
		assertThat(secretariat.put("/api/v1/meetings/" + meeting + "/minutes", Map.of("body", "<p>审定后再改</p>",
				"visibility", "PUBLIC", "version", approved.get("version").asLong())).status())
			.as("approved minutes are not edited without going back to draft").isEqualTo(409);
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of()).status()).isEqualTo(409);

		JsonNode published = secretariat.post("/api/v1/meetings/" + meeting + "/minutes/publish", Map.of()).json();
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("publishedAt").isNull()).isFalse();
		assertThat(client().get("/api/v1/meetings/" + meeting + "/minutes").json().get("body").asString())
			.contains("会议由理事长单位主持。");
		JsonNode resolution = client().get("/api/v1/meetings/" + meeting + "/resolution").json();
		assertThat(resolution.get("saved").asBoolean()).as("publishing keeps the drafted resolution").isTrue();
		assertThat(resolution.get("editable").asBoolean()).isFalse();
		assertThat(secretariat.put("/api/v1/meetings/" + meeting + "/resolution",
				Map.of("text", "发布后修改决议", "version", resolution.get("version").asLong())).status()).isEqualTo(409);
		assertThat(client().get("/a/" + slug + "/meetings").body()).contains("第二届第三次理事会纪要");
		assertThat(client().get("/a/" + slug + "/meetings/" + meeting).body())
			.contains("会议由理事长单位主持。", "会议审议通过了《2022年工作总结及2023年工作计划》");
		assertThat(client().get("/a/" + slug + "/about").body()).contains("/a/" + slug + "/meetings");

		JsonNode reopened = secretariat.post("/api/v1/meetings/" + meeting + "/minutes/reopen", Map.of()).json();
		assertThat(reopened.get("status").asString()).isEqualTo("DRAFT");
		assertThat(reopened.get("approvedBy").isNull()).isTrue();
		assertThat(client().get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);
		assertThat(client().get("/a/" + slug + "/meetings/" + meeting).status()).isEqualTo(404);
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/minutes/reopen", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void membersOnlyMinutesAreSeenAndFoundOnlyByTheAlliancesMembers() {
		long meeting = decidedMeeting();
		publish(meeting, "<p>理事会闭门研讨了甲乙丙丁项目的进展。</p>", "MEMBERS");
		TestClient member = reps.get(council);
		TestClient other = otherSecretariat();
		long outsiderOrg = admin.post("/api/v1/organizations", Map.of("name", "局外单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		TestClient outsider = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", outsiderOrg)));

		assertThat(member.get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(200);
		assertThat(member.get("/api/v1/meetings/" + meeting + "/resolution").status()).isEqualTo(200);
		for (TestClient stranger : List.of(client(), other, outsider)) {
			assertThat(stranger.get("/api/v1/meetings/" + meeting + "/minutes").status()).isEqualTo(404);
			assertThat(stranger.get("/api/v1/meetings/" + meeting + "/resolution").status()).isEqualTo(404);
		}
		assertThat(client().get("/a/" + slug + "/meetings/" + meeting).status()).isEqualTo(404);
		assertThat(client().get("/a/" + slug + "/meetings").body()).doesNotContain("第二届第三次理事会纪要");

		await().atMost(Duration.ofSeconds(5)).until(() -> search(member, "甲乙丙丁项目").get("total").asLong() == 1);
		JsonNode found = search(member, "甲乙丙丁项目").get("items").get(0);
		assertThat(found.get("type").asString()).isEqualTo("MINUTES");
		assertThat(found.get("url").asString()).isEqualTo("/a/" + slug + "/meetings/" + meeting);
		for (TestClient stranger : List.of(client(), other, outsider)) {
			JsonNode none = search(stranger, "甲乙丙丁项目");
			assertThat(none.get("total").asLong()).isZero();
			assertThat(none.get("facets").get("type").size()).as("counts leak nothing either").isZero();
		}

		secretariat.post("/api/v1/meetings/" + meeting + "/minutes/reopen", Map.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> search(member, "甲乙丙丁项目").get("total").asLong() == 0);
	}

	@Test
	void publicMinutesAreFoundByAnyone() {
		long meeting = decidedMeeting();
		publish(meeting, "<p>会议听取了戊己庚辛示范基地建设情况汇报。</p>", "PUBLIC");
		await().atMost(Duration.ofSeconds(5)).until(() -> search(client(), "戊己庚辛示范基地").get("total").asLong() == 1);
		assertThat(search(client(), "第二届第三次理事会纪要").get("items").valueStream()
			.anyMatch(h -> h.get("id").asLong() == meeting && h.get("type").asString().equals("MINUTES"))).isTrue();
		var page = client().get("/search?q=" + URLEncoder.encode("戊己庚辛示范基地", StandardCharsets.UTF_8));
		assertThat(page.body()).contains("/a/" + slug + "/meetings/" + meeting, "会议纪要");
	}

	/** A new user holding the given role, signed in through the login form. */
	FormSession session(Map<String, Object> role) {
		return FormSession.signIn(admin, port, List.of(role));
	}

	@Test
	void theMeetingDeskBelongsToTheAlliancesSecretariatOnly() {
		long meeting = meeting();
		String otherSlug = "m-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", otherSlug, "name", "另一个纪要联盟" + otherSlug));
		var own = session(Map.of("role", "SECRETARIAT", "alliance", slug));
		var other = session(Map.of("role", "SECRETARIAT", "alliance", otherSlug));
		var desk = own.get("/admin/a/" + slug + "/meetings/" + meeting);
		assertThat(desk.statusCode()).isEqualTo(200);
		assertThat(desk.body()).contains("第二届第三次理事会", "发送会议通知", "提出议案", "会议决议", "会议纪要", "name=\"_csrf\"");
		assertThat(own.get("/admin/a/" + slug + "/meetings").body()).contains("/admin/a/" + slug + "/meetings/" + meeting);
		assertThat(other.get("/admin/a/" + slug + "/meetings").statusCode()).isEqualTo(403);
		assertThat(other.get("/admin/a/" + slug + "/meetings/" + meeting).statusCode()).isEqualTo(403);
		assertThat(other.get("/admin/a/" + otherSlug + "/meetings/" + meeting).statusCode())
			.as("a meeting addressed under another alliance does not exist there").isEqualTo(404);
	}

	@Test
	void aRefusedCallOfAMeetingNamesEveryInvalidFieldAndCallsNothing() {
		FormSession desk = session(Map.of("role", "SECRETARIAT", "alliance", slug));
		String form = "/admin/a/" + slug + "/meetings/new";
		var refused = desk.post(form, "/admin/a/" + slug + "/meetings",
				"kind=COUNCIL&term=0&session=abc&startsAt=&mode=ONLINE&onlineUrl=ftp%3A%2F%2Fx&agendaTitle=" + "长".repeat(301)
						+ "&agendaKind=MOTION");
		assertThat(refused.statusCode()).isEqualTo(200);
		var fields = java.util.regex.Pattern.compile("data-field=\"([^\"]+)\"").matcher(refused.body()).results()
			.map(r -> r.group(1)).toList();
		assertThat(fields).containsExactlyInAnyOrder("agenda[0].title", "onlineUrl", "session", "startsAt", "term");
		assertThat(desk.get("/admin/a/" + slug + "/meetings").body()).doesNotContainPattern("/meetings/\\d+");

		var called = desk.post(form, "/admin/a/" + slug + "/meetings",
				"kind=COUNCIL&term=2&session=4&startsAt=2024-05-20T14%3A00&mode=ONSITE&location=%E7%9F%B3%E5%AE%B6%E5%BA%84"
						+ "&agendaTitle=%E5%AE%A1%E8%AE%AE%E7%AB%A0%E7%A8%8B&agendaKind=MOTION");
		assertThat(called.statusCode()).isEqualTo(302);
		String location = called.headers().firstValue("Location").orElseThrow();
		long meeting = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		JsonNode m = secretariat.get("/api/v1/meetings/" + meeting).json();
		assertThat(m.get("title").asString()).isEqualTo("第二届第四次理事会");
		assertThat(java.time.OffsetDateTime.parse(m.get("startsAt").asString()).toInstant()).isEqualTo(java.time.Instant.parse("2024-05-20T06:00:00Z"));
		assertThat(m.get("agenda").get(0).get("title").asString()).isEqualTo("审议章程");
		assertThat(m.get("participants").size()).isEqualTo(3);
	}
}
