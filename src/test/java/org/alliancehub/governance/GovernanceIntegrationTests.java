package org.alliancehub.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A council meeting from the call to the result, through the API, with every rule and refusal. */
class GovernanceIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	TestClient admin;

	String slug;

	long chair;

	long council;

	long absent;

	long supervisor;

	long member;

	Map<Long, TestClient> reps = new java.util.HashMap<>();

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "g-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "治理测试联盟" + slug));
		chair = organization("CHAIR");
		council = organization("COUNCIL");
		absent = organization("COUNCIL");
		supervisor = organization("SUPERVISOR");
		member = organization("MEMBER");
	}

	long organization(String role) {
		long id = admin.post("/api/v1/organizations", Map.of("name", role + "单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role));
		reps.put(id, TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		return id;
	}

	JsonNode councilMeeting() {
		var r = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 2, "session", 3,
				"startsAt", "2023-02-24T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/123",
				"agenda", List.of(Map.of("title", "2022年工作总结及2023年工作计划", "kind", "REPORT"),
						Map.of("title", "吸收新成员", "kind", "MOTION"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	@Test
	void councilMeetingTakesItsParticipantsFromGovernanceRoles() {
		JsonNode m = councilMeeting();
		assertThat(m.get("title").asString()).isEqualTo("第二届第三次理事会");
		Map<Long, String> roles = new java.util.HashMap<>();
		m.get("participants").forEach(p -> roles.put(p.get("organizationId").asLong(), p.get("role").asString()));
		assertThat(roles).containsEntry(chair, "VOTING").containsEntry(council, "VOTING")
			.containsEntry(supervisor, "OBSERVER").doesNotContainKey(member);
		assertThat(m.get("agenda").get(1).get("kind").asString()).isEqualTo("MOTION");
		var onsite = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "GENERAL_ASSEMBLY", "term", 1,
				"session", 1, "startsAt", "2023-02-24T09:30:00+08:00", "mode", "ONSITE"));
		assertThat(onsite.status()).isEqualTo(400);
		assertThat(onsite.invalidFields()).containsExactly("location");
		var assembly = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "GENERAL_ASSEMBLY", "term", 1,
				"session", 1, "startsAt", "2022-10-28T09:00:00+08:00", "mode", "ONSITE", "location", "石家庄"));
		assertThat(assembly.json().get("title").asString()).isEqualTo("第一届第一次会员大会");
		assertThat(assembly.json().get("participants").size()).isEqualTo(5);
	}

	@Test
	void aSecretTwoThirdsVoteFromOpeningToVerifiedResult() {
		long meeting = councilMeeting().get("id").asLong();
		assertThat(admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", chair, "present", true))
			.status()).isEqualTo(200);
		var selfCheckIn = reps.get(council).post("/api/v1/meetings/" + meeting + "/attendance",
				Map.of("organizationId", council, "present", true));
		assertThat(selfCheckIn.json().get("present").asInt()).isEqualTo(2);
		assertThat(reps.get(council).post("/api/v1/meetings/" + meeting + "/attendance",
				Map.of("organizationId", chair, "present", false)).status()).isEqualTo(403);
		admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", supervisor, "present", true));

		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "修改联盟章程", "ballot", "SECRET",
				"majority", "TWO_THIRDS", "quorum", 0.5)).json().get("id").asLong();
		assertThat(reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(409);
		assertThat(reps.get(chair).post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(403);
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(200);
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(409);

		assertThat(reps.get(supervisor).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(403);
		assertThat(reps.get(absent).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(403);
		assertThat(reps.get(member).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status())
			.as("a member not taking part does not see the motion").isEqualTo(404);
		assertThat(client().post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(401);

		var yes = reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
		assertThat(yes.status()).isEqualTo(201);
		String receipt = yes.json().get("receipt").asString();
		assertThat(reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "NO")).status()).isEqualTo(409);
		assertThat(reps.get(council).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "NO")).status()).isEqualTo(201);
		assertThat(reps.get(council).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "BANANA")).invalidFields())
			.containsExactly("choice");

		JsonNode closed = admin.post("/api/v1/motions/" + motion + "/close", Map.of()).json();
		assertThat(closed.get("outcome").asString()).isEqualTo("REJECTED");
		assertThat(closed.get("yes").asInt()).isEqualTo(1);
		assertThat(closed.get("eligible").asInt()).isEqualTo(3);
		assertThat(closed.get("present").asInt()).isEqualTo(2);
		assertThat(closed.get("votes").isNull()).as("a secret ballot does not show who voted what").isTrue();
		assertThat(reps.get(council).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(409);

		TestClient participant = reps.get(chair);
		assertThat(participant.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", receipt)).status())
			.isEqualTo(200);
		assertThat(participant.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", "0".repeat(40)))
			.status()).isEqualTo(404);
		JsonNode log = participant.get("/api/v1/motions/" + motion + "/ballot-log").json();
		assertThat(log.size()).isEqualTo(2);
		log.forEach(e -> assertThat(e.get("payload").asString().split(" ")).doesNotContain(String.valueOf(chair), String.valueOf(council)));
		JsonNode verified = participant.get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(verified.get("valid").asBoolean()).isTrue();
		assertThat(verified.get("yes").asInt()).isEqualTo(1);

		// the secret log is in receipt-hash order: the second entry may be either ballot, so it is flipped either way
		jdbc.sql("""
				update ballot_log set payload = case when payload like 'NO %' then replace(payload, 'NO', 'YES')
				else replace(payload, 'YES', 'NO') end where motion_id = ? and seq = 2""").param(motion).update();
		JsonNode tampered = participant.get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(tampered.get("valid").asBoolean()).isFalse();
		assertThat(tampered.get("firstBrokenEntry").asInt()).isEqualTo(2);
	}

	@Test
	void openBallotPublishesWhoVotedWhatAndAbsoluteMajorityCountsEveryone() {
		long meeting = councilMeeting().get("id").asLong();
		for (long org : List.of(chair, council)) {
			admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", org, "present", true));
		}
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "2023年经费来源方案",
				"ballot", "OPEN", "majority", "ABSOLUTE", "quorum", 0.5)).json().get("id").asLong();
		admin.post("/api/v1/motions/" + motion + "/open", Map.of());
		reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
		reps.get(council).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
		JsonNode result = admin.post("/api/v1/motions/" + motion + "/close", Map.of()).json();
		assertThat(result.get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(result.get("votes").size()).isEqualTo(2);
		assertThat(reps.get(council).get("/api/v1/motions/" + motion + "/ballot-log").json().get(0).get("payload").asString())
			.startsWith(chair + " YES");
	}

	@Test
	void concurrentDoubleVotesAreAllRefusedButOne() throws Exception {
		long meeting = councilMeeting().get("id").asLong();
		admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", chair, "present", true));
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "并发表决"))
			.json().get("id").asLong();
		admin.post("/api/v1/motions/" + motion + "/open", Map.of());
		var pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Callable<Integer> vote = () -> reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status();
			results.add(pool.submit(vote));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : results) {
			statuses.add(f.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
		assertThat(admin.get("/api/v1/motions/" + motion + "/result").json().get("cast").asInt()).isEqualTo(1);
	}

	@Test
	void anotherAlliancesSecretariatCannotRunThisMeeting() {
		long meeting = councilMeeting().get("id").asLong();
		String other = "g-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "别的联盟" + other));
		TestClient outsider = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		assertThat(outsider.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "越权")).status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", chair, "present", true))
			.status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1, "session", 1,
				"startsAt", "2023-02-24T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://x.example")).status()).isEqualTo(403);
	}

	@Test
	void theNetworksCouncilIsMadeOfItsCouncilAlliances() {
		var r = admin.post("/api/v1/alliances/lmxfw/meetings", Map.of("kind", "COUNCIL", "term", 2, "session", 4,
				"startsAt", "2024-03-01T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/lmxfw"));
		assertThat(r.status()).isEqualTo(201);
		assertThat(r.json().get("eligible").asInt()).isEqualTo(17);
	}

	@Test
	void anAdoptedMotionAdmitsTheApplicant() {
		long applicant = admin.post("/api/v1/organizations", Map.of("name", "申请单位" + UUID.randomUUID(), "type", "UNIVERSITY"))
			.json().get("id").asLong();
		TestClient rep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", applicant)));
		assertThat(reps.get(chair).post("/api/v1/alliances/" + slug + "/applications", Map.of("organizationId", applicant))
			.status()).isEqualTo(403);
		var applied = rep.post("/api/v1/alliances/" + slug + "/applications",
				Map.of("organizationId", applicant, "statement", "申请加入联盟"));
		assertThat(applied.status()).isEqualTo(201);
		long application = applied.json().get("id").asLong();
		assertThat(rep.post("/api/v1/alliances/" + slug + "/applications", Map.of("organizationId", applicant)).status())
			.isEqualTo(409);

		long meeting = councilMeeting().get("id").asLong();
		for (long org : List.of(chair, council)) {
			admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", org, "present", true));
		}
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "审议吸收新成员",
				"admitsApplication", application)).json().get("id").asLong();
		admin.post("/api/v1/motions/" + motion + "/open", Map.of());
		reps.get(chair).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
		reps.get(council).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
		assertThat(client().get("/api/v1/alliances/" + slug + "/members/" + applicant).status()).isEqualTo(404);
		admin.post("/api/v1/motions/" + motion + "/close", Map.of());
		assertThat(client().get("/api/v1/alliances/" + slug + "/members/" + applicant).json().get("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(admin.get("/api/v1/alliances/" + slug + "/applications").json().get(0).get("status").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void theNetworkAdmitsAnAllianceByTheVoteOfItsCouncilAlliances() {
		String applicantSlug = "g-new-" + UUID.randomUUID().toString().substring(0, 6);
		admin.post("/api/v1/alliances", Map.of("slug", applicantSlug, "name", "新申请联盟" + applicantSlug));
		long applicantOrg = client().get("/api/v1/organizations?type=ASSOCIATION&q=" + applicantSlug).json()
			.get("items").get(0).get("id").asLong();
		TestClient applicantSecretariat = TestClient.userWith(admin, client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", applicantSlug)));
		var applied = applicantSecretariat.post("/api/v1/alliances/lmxfw/applications", Map.of("organizationId", applicantOrg));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);

		JsonNode meeting = admin.post("/api/v1/alliances/lmxfw/meetings", Map.of("kind", "COUNCIL", "term", 2, "session", 5,
				"startsAt", "2024-03-01T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/lmxfw")).json();
		long meetingId = meeting.get("id").asLong();
		List<JsonNode> seats = new ArrayList<>();
		meeting.get("participants").forEach(seats::add);
		List<JsonNode> present = seats.subList(0, 9);
		for (JsonNode p : present) {
			admin.post("/api/v1/meetings/" + meetingId + "/attendance",
					Map.of("organizationId", p.get("organizationId").asLong(), "present", true));
		}
		long motion = admin.post("/api/v1/meetings/" + meetingId + "/motions", Map.of("title", "审议新联盟加入协发网",
				"admitsApplication", applied.json().get("id").asLong())).json().get("id").asLong();
		admin.post("/api/v1/motions/" + motion + "/open", Map.of());
		List<JsonNode> alliances = new ArrayList<>();
		// every page: other tests add alliances, and the list is paged in the database
		for (int page = 0; alliances.size() < client().get("/api/v1/alliances?size=1").json().get("total").asInt(); page++) {
			client().get("/api/v1/alliances?size=100&page=" + page).json().get("items").forEach(alliances::add);
		}
		int votes = 0;
		for (JsonNode p : present.subList(0, 5)) {
			String name = p.get("organizationName").asString();
			String voterSlug = alliances.stream().filter(a -> a.get("name").asString().equals(name)).findFirst().orElseThrow()
				.get("slug").asString();
			TestClient secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", voterSlug)));
			var vote = secretariat.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES"));
			assertThat(vote.status()).as(vote.body()).isEqualTo(201);
			votes++;
		}
		JsonNode result = admin.post("/api/v1/motions/" + motion + "/close", Map.of()).json();
		assertThat(result.get("yes").asInt()).isEqualTo(votes);
		assertThat(result.get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(client().get("/api/v1/alliances/lmxfw/members/" + applicantOrg).json().get("status").asString())
			.isEqualTo("ACTIVE");
	}

	@Test
	void invitationsReachEveryRepresentativeWithACalendarEntryAndRepliesAreRecorded() throws Exception {
		long meeting = councilMeeting().get("id").asLong();
		int before = MAIL.getReceivedMessages().length;
		JsonNode sent = admin.post("/api/v1/meetings/" + meeting + "/invitations", Map.of()).json();
		assertThat(sent.get("emails").asInt()).isEqualTo(4);
		assertThat(reps.get(chair).post("/api/v1/meetings/" + meeting + "/invitations", Map.of()).status()).isEqualTo(403);
		var received = java.util.Arrays.stream(MAIL.getReceivedMessages()).skip(before).toList();
		assertThat(received).hasSize(4);
		jakarta.mail.internet.MimeMessage first = received.get(0);
		assertThat(first.getSubject()).isEqualTo("会议通知：第二届第三次理事会");
		String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(first);
		assertThat(raw).contains("meeting-" + meeting + ".ics", "text/calendar");
		var multipart = (jakarta.mail.internet.MimeMultipart) first.getContent();
		String ics = null;
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.getContentType().startsWith("text/calendar")) {
				ics = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		assertThat(ics).contains("BEGIN:VCALENDAR", "DTSTART:20230224T013000Z", "SUMMARY:第二届第三次理事会",
				"URL:https://meeting.example.org/123");
		assertThat(plainText(first)).as("the invitation links to the meeting's page")
			.contains("http://localhost:8080/meetings/" + meeting);

		var replied = reps.get(council).post("/api/v1/meetings/" + meeting + "/replies",
				Map.of("organizationId", council, "attending", true));
		assertThat(replied.status()).isEqualTo(200);
		assertThat(replied.json().get("participants").valueStream()
			.filter(p -> p.get("organizationId").asLong() == council).findFirst().orElseThrow().get("reply").asString())
			.isEqualTo("ATTEND");
		assertThat(reps.get(chair).post("/api/v1/meetings/" + meeting + "/replies",
				Map.of("organizationId", council, "attending", false)).status()).isEqualTo(403);
	}

	@Test
	void representativesVoteOnTheLiveMeetingPageAndOutsidersDoNotSeeIt() {
		long meeting = councilMeeting().get("id").asLong();
		admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", chair, "present", true));
		admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", council, "present", true));
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "现场表决议案"))
			.json().get("id").asLong();
		admin.post("/api/v1/motions/" + motion + "/open", Map.of());
		String username = "live-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/users", Map.of("username", username, "displayName", "代表", "password", "live-meeting-password",
				"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", chair))));
		var session = FormSession.signIn(port, username, "live-meeting-password");
		var page = session.get("/meetings/" + meeting);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("第二届第三次理事会", "现场表决议案", "已投票 0 / 2");
		var voted = session.post("/meetings/" + meeting, "/meetings/" + meeting + "/motions/" + motion + "/vote", "choice=YES");
		String location = voted.headers().firstValue("Location").orElseThrow();
		assertThat(location).as("the receipt never travels in a URL").doesNotContain("receipt").endsWith("/meetings/" + meeting);
		var shown = session.get("/meetings/" + meeting).body();
		var found = java.util.regex.Pattern.compile("<code id=\"receipt\">([0-9a-f]{40})</code>").matcher(shown);
		assertThat(found.find()).as("the page after the vote shows the receipt once").isTrue();
		String receipt = found.group(1);
		assertThat(session.get("/meetings/" + meeting).body()).doesNotContain(receipt);
		assertThat(admin.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", receipt)).status())
			.isEqualTo(200);
		var live = session.get("/meetings/" + meeting + "/live");
		assertThat(live.body()).contains("已投票 1 / 2");
		assertThat(session.post("/meetings/" + meeting, "/meetings/" + meeting + "/motions/" + motion + "/close", "")
			.statusCode()).isEqualTo(403);

		assertThat(FormSession.anonymous(port).get("/meetings/" + meeting).statusCode()).isEqualTo(404);
	}

	@Test
	void aRepresentativeRepliesAndChecksInOnTheMeetingPage() {
		long meeting = councilMeeting().get("id").asLong();
		var rep = org.alliancehub.FormSession.signIn(admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		String page = "/meetings/" + meeting;
		String body = rep.get(page).body();
		assertThat(body).contains("/meetings/" + meeting + "/replies", "name=\"attending\"");
		assertThat(rep.post(page, page + "/replies", "organizationId=" + council + "&attending=false").statusCode()).isEqualTo(302);
		assertThat(rep.post(page, page + "/attendance", "organizationId=" + council + "&present=true").statusCode()).isEqualTo(302);
		JsonNode seat = admin.get("/api/v1/meetings/" + meeting).json().get("participants").valueStream()
			.filter(p -> p.get("organizationId").asLong() == council).findFirst().orElseThrow();
		assertThat(seat.get("reply").asString()).isEqualTo("DECLINE");
		assertThat(seat.get("present").asBoolean()).isTrue();
		// another organisation's row offers no reply or check-in to this representative, and posting for it is refused
		assertThat(rep.post(page, page + "/replies", "organizationId=" + chair + "&attending=true").statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/meetings/" + meeting).json().get("participants").valueStream()
			.filter(p -> p.get("organizationId").asLong() == chair).findFirst().orElseThrow().get("reply").isNull()).isTrue();
	}

	@Test
	void aRefusedCallNamesTheMissingPlaceTogetherWithEveryOtherMistake() {
		var refused = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 0,
				"session", 3, "startsAt", "2023-02-24T09:30:00+08:00", "mode", "HYBRID"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.invalidFields()).containsExactlyInAnyOrder("term", "location", "onlineUrl");
		assertThat(jdbc.sql("select count(*) from meeting m join alliance a on a.id = m.alliance_id where a.slug = ?")
			.param(slug).query(Integer.class).single()).as("nothing called").isZero();
	}
}
