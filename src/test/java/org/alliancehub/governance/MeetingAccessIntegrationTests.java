package org.alliancehub.governance;

import java.time.OffsetDateTime;
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

/**
 * A meeting and everything in it is seen by its participants' representatives, its secretariat and the
 * network administrator, and by nobody else (404); a correspondence vote by its electorate; what becomes
 * public is what the secretariat publishes.
 */
class MeetingAccessIntegrationTests extends IntegrationTest {

	GovernanceFixtures f;

	long chair;

	long council;

	long member;

	long meeting;

	long motion;

	long correspondence;

	String receipt;

	@BeforeEach
	void aCouncilThatHasVoted() {
		f = new GovernanceFixtures(admin(), client(), "会议可见性联盟");
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		member = f.organization("MEMBER");
		meeting = f.councilMeeting();
		f.checkIn(meeting, chair, council);
		motion = f.openMotion(meeting, Map.of("title", "审议年度预算", "ballot", "OPEN"));
		var voted = f.vote(f.rep(chair), motion, "YES");
		assertThat(voted.status()).as(voted.body()).isEqualTo(201);
		receipt = voted.json().get("receipt").asString();
		assertThat(f.vote(f.rep(council), motion, "YES").status()).isEqualTo(201);
		f.close(motion);
		var put = f.admin.post("/api/v1/alliances/" + f.slug + "/motions", Map.of("title", "通讯表决事项", "electorate",
				"COUNCIL", "deadline", OffsetDateTime.now().plusDays(3).toString()));
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		correspondence = put.json().get("id").asLong();
	}

	String otherAlliance() {
		String other = "g-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(f.admin.post("/api/v1/alliances", Map.of("slug", other, "name", "别的联盟" + other)).status()).isEqualTo(201);
		return other;
	}

	/** Everything of the meeting and of its motions that is read by GET. */
	List<String> meetingReads() {
		return List.of("/api/v1/meetings/" + meeting, "/api/v1/meetings/" + meeting + "/motions",
				"/api/v1/meetings/" + meeting + "/proxies", "/api/v1/motions/" + motion, "/api/v1/motions/" + motion + "/result",
				"/api/v1/motions/" + motion + "/ballot-log", "/api/v1/motions/" + motion + "/ballot-log/verification",
				"/api/v1/motions/" + correspondence, "/api/v1/motions/" + correspondence + "/voters",
				"/api/v1/motions/" + correspondence + "/result", "/api/v1/motions/" + correspondence + "/ballot-log");
	}

	/** Anonymous, another alliance's secretariat, a member not on the council, a representative of another alliance's member. */
	List<TestClient> outsiders() {
		long elsewhere = f.admin.post("/api/v1/organizations", Map.of("name", "别处单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		TestClient otherRep = TestClient.userWith(f.admin, client(),
				List.of(Map.of("role", "MEMBER_REP", "organizationId", elsewhere)));
		return List.of(client(), f.outsider(), f.rep(member), otherRep);
	}

	@Test
	void aMeetingItsMotionsResultsLogsAndVotersAreNotFoundForEveryoneNotTakingPart() {
		TestClient anonymous = client();
		List<TestClient> outsiders = new java.util.ArrayList<>(outsiders());
		outsiders.set(0, anonymous);
		for (TestClient outsider : outsiders) {
			for (String path : meetingReads()) {
				assertThat(outsider.get(path).status()).as(path).isEqualTo(404);
			}
			assertThat(outsider.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", receipt))
				.status()).as("a POST without credentials is 401, with them 404").isEqualTo(outsider == anonymous ? 401 : 404);
			assertThat(outsider.get("/api/v1/alliances/" + f.slug + "/motions").json().size())
				.as("the correspondence list shows nothing it may not see").isZero();
		}
		for (String page : List.of("/meetings/" + meeting, "/meetings/" + meeting + "/live")) {
			assertThat(FormSession.anonymous(port).get(page).statusCode()).as(page).isEqualTo(404);
			var nonParticipant = FormSession.signIn(f.admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", member)));
			assertThat(nonParticipant.get(page).statusCode()).as(page).isEqualTo(404);
			var otherSecretariat = FormSession.signIn(f.admin, port,
					List.of(Map.of("role", "SECRETARIAT", "alliance", otherAlliance())));
			assertThat(otherSecretariat.get(page).statusCode()).as(page).isEqualTo(404);
		}
	}

	@Test
	void participantsAndTheSecretariatReadTheMeetingAndItsVotes() {
		for (TestClient reader : List.of(f.rep(chair), f.rep(council), f.secretariat(), f.admin)) {
			for (String path : meetingReads()) {
				var r = reader.get(path);
				assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
			}
			assertThat(reader.get("/api/v1/alliances/" + f.slug + "/motions").json().get(0).get("id").asLong())
				.isEqualTo(correspondence);
		}
		// an observer (列席) takes part too, and reads; it does not vote
		long supervisor = f.organization("SUPERVISOR");
		long assembly = f.admin.post("/api/v1/alliances/" + f.slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1,
				"session", 3, "startsAt", "2024-06-21T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://x.example/o"))
			.json().get("id").asLong();
		assertThat(f.rep(supervisor).get("/api/v1/meetings/" + assembly).status()).isEqualTo(200);
		assertThat(f.rep(supervisor).get("/api/v1/motions/" + correspondence).status())
			.as("supervisors are not the council's electorate").isEqualTo(404);
	}

	@Test
	void aResultTheSecretariatPublishesIsReadByItsAudienceWithoutWhoVotedWhat() {
		String result = "/api/v1/motions/" + motion + "/result";
		assertThat(client().get(result).status()).isEqualTo(404);
		assertThat(f.rep(chair).post(result + "/publication", Map.of()).status()).as("a participant may not publish").isEqualTo(403);
		assertThat(f.outsider().post(result + "/publication", Map.of()).status()).isEqualTo(404);
		assertThat(f.admin.post("/api/v1/motions/" + correspondence + "/result/publication", Map.of()).status())
			.as("an open vote has no result to publish").isEqualTo(409);

		var members = f.secretariat().post(result + "/publication", Map.of("visibility", "MEMBERS"));
		assertThat(members.status()).as(members.body()).isEqualTo(200);
		assertThat(client().get(result).status()).isEqualTo(404);
		JsonNode seenByMember = f.rep(member).get(result).json();
		assertThat(seenByMember.get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(seenByMember.get("votes").isNull()).as("who voted what stays with those taking part").isTrue();
		assertThat(f.rep(member).get("/api/v1/motions/" + motion + "/ballot-log").status()).isEqualTo(404);

		assertThat(f.secretariat().post(result + "/publication", Map.of("visibility", "PUBLIC")).status()).isEqualTo(200);
		JsonNode published = client().get(result).json();
		assertThat(published.get("yes").asInt()).isEqualTo(2);
		assertThat(published.get("votes").isNull()).isTrue();
		assertThat(f.rep(chair).get(result).json().get("votes").size()).isEqualTo(2);
		assertThat(client().get("/api/v1/meetings/" + meeting).status()).as("the meeting itself stays closed").isEqualTo(404);
	}

	@Test
	void theLivePageIsForParticipantsAndTheDeskForTheSecretariat() {
		var participant = FormSession.signIn(f.admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		assertThat(participant.get("/meetings/" + meeting).statusCode()).isEqualTo(200);
		assertThat(participant.get("/meetings/" + meeting + "/live").statusCode()).isEqualTo(200);
		var secretariat = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		assertThat(secretariat.get("/meetings/" + meeting).statusCode()).isEqualTo(200);
		assertThat(secretariat.get("/admin/a/" + f.slug + "/meetings/" + meeting).statusCode()).isEqualTo(200);
		String otherSlug = otherAlliance();
		var other = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		assertThat(other.get("/admin/a/" + f.slug + "/meetings/" + meeting).statusCode()).isEqualTo(403);
		assertThat(other.get("/admin/a/" + otherSlug + "/meetings/" + meeting).statusCode())
			.as("another alliance's meeting under one's own path does not exist").isEqualTo(404);
	}

	@Test
	void aCorrespondenceVoteAddressedOnTheMeetingDeskIsNotFoundRatherThanAServerError() {
		var desk = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		String page = "/admin/a/" + f.slug + "/meetings/" + meeting;
		assertThat(desk.get(page).statusCode()).isEqualTo(200);
		for (String action : List.of("open", "close")) {
			var r = desk.post(page, page + "/motions/" + correspondence + "/" + action, "");
			assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(404);
		}
		var live = desk.post("/meetings/" + meeting, "/meetings/" + meeting + "/motions/" + correspondence + "/close", "");
		assertThat(live.statusCode()).isEqualTo(404);
		assertThat(f.admin.get("/api/v1/motions/" + correspondence).json().get("status").asString()).isEqualTo("OPEN");
	}
}
