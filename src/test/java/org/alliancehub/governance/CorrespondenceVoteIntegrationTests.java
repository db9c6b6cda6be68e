package org.alliancehub.governance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.TestClock;
import org.alliancehub.governance.internal.Correspondence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Correspondence votes (通讯表决): a motion without a meeting, voted by the council or the assembly until a deadline. */
class CorrespondenceVoteIntegrationTests extends IntegrationTest {

	@Autowired
	TestClock clock;

	@Autowired
	Correspondence correspondence;

	GovernanceFixtures f;

	long chair;

	long council;

	long third;

	long supervisor;

	long member;

	@BeforeEach
	void alliance() {
		f = new GovernanceFixtures(admin(), client());
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		third = f.organization("COUNCIL");
		supervisor = f.organization("SUPERVISOR");
		member = f.organization("MEMBER");
	}

	TestClient.Response put(TestClient who, Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("title", "关于调整会费标准的通讯表决", "text", "请各理事单位于截止时间前表决。",
				"type", "BUDGET", "ballot", "SECRET", "electorate", "COUNCIL",
				"deadline", OffsetDateTime.now().plusDays(7).toString()));
		body.putAll(extra);
		return who.post("/api/v1/alliances/" + f.slug + "/motions", body);
	}

	@Test
	void councilVotersVoteWithoutCheckingInAndThoseWhoVotedMakeTheQuorum() {
		var put = put(f.admin, Map.of());
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		long motion = put.json().get("id").asLong();
		assertThat(put.header("Location")).endsWith("/api/v1/motions/" + motion);
		assertThat(put.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(put.json().get("meetingId").isNull()).isTrue();
		assertThat(put.json().get("electorate").asString()).isEqualTo("COUNCIL");
		assertThat(f.rep(chair).get("/api/v1/motions/" + motion + "/voters").json().valueStream().map(JsonNode::asLong))
			.containsExactlyInAnyOrder(chair, council, third);
		assertThat(f.rep(chair).get("/api/v1/alliances/" + f.slug + "/motions").json().get(0).get("id").asLong()).isEqualTo(motion);

		assertThat(f.vote(f.rep(supervisor), motion, "YES").status()).as("not a voter: the vote does not exist for it")
			.isEqualTo(404);
		assertThat(f.vote(f.rep(member), motion, "YES").status()).as("not a voter: the vote does not exist for it")
			.isEqualTo(404);
		var yes = f.vote(f.rep(chair), motion, "YES");
		assertThat(yes.status()).as(yes.body()).isEqualTo(201);
		assertThat(f.vote(f.rep(chair), motion, "NO").status()).isEqualTo(409);
		assertThat(f.vote(f.rep(council), motion, "YES").status()).isEqualTo(201);
		JsonNode running = f.rep(chair).get("/api/v1/motions/" + motion + "/result").json();
		assertThat(running.get("present").asInt()).isEqualTo(2);
		assertThat(running.get("eligible").asInt()).isEqualTo(3);

		assertThat(f.rep(chair).post("/api/v1/motions/" + motion + "/close", Map.of()).status()).isEqualTo(403);
		assertThat(f.outsider().post("/api/v1/motions/" + motion + "/close", Map.of()).status()).isEqualTo(404);
		JsonNode result = f.close(motion);
		assertThat(result.get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(result.get("votes").isNull()).isTrue();
		assertThat(f.vote(f.rep(third), motion, "NO").status()).isEqualTo(409);

		assertThat(f.rep(chair).post("/api/v1/motions/" + motion + "/receipts/verification",
				Map.of("receipt", yes.json().get("receipt").asString())).status()).isEqualTo(200);
		JsonNode verified = f.rep(chair).get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(verified.get("valid").asBoolean()).isTrue();
		assertThat(verified.get("yes").asInt()).isEqualTo(2);
	}

	@Test
	void aVoteAfterTheDeadlineIsRefusedAndTheVoteClosesByItself() {
		var put = put(f.admin, Map.of("ballot", "OPEN", "deadline", OffsetDateTime.now().plusMinutes(5).toString()));
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		long motion = put.json().get("id").asLong();
		assertThat(f.vote(f.rep(chair), motion, "YES").status()).isEqualTo(201);
		OffsetDateTime deadline = OffsetDateTime.parse(put.json().get("deadline").asString());
		clock.moveTo(deadline.toInstant());
		try {
			assertThat(f.vote(f.rep(council), motion, "YES").status()).isEqualTo(409);
			correspondence.closeOverdue();
			JsonNode result = f.admin.get("/api/v1/motions/" + motion + "/result").json();
			assertThat(result.get("status").asString()).as("closed by the deadline job").isEqualTo("CLOSED");
			assertThat(result.get("outcome").asString()).as("one of three voted; half must").isEqualTo("NO_QUORUM");
			assertThat(result.get("votes").get(0).get("organizationId").asLong()).isEqualTo(chair);
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theGeneralAssemblyVotesWithEveryActiveMember() {
		JsonNode m = put(f.admin, Map.of("electorate", "GENERAL_ASSEMBLY", "type", "ORDINARY")).json();
		assertThat(f.admin.get("/api/v1/motions/" + m.get("id").asLong() + "/voters").json().size()).isEqualTo(5);
		assertThat(f.vote(f.rep(member), m.get("id").asLong(), "ABSTAIN").status()).isEqualTo(201);
	}

	@Test
	void aCorrespondenceVoteIsPutOnlyByTheAlliancesSecretariatWithValidFieldsAndWithinTheCharter() {
		assertThat(put(f.outsider(), Map.of()).status()).isEqualTo(403);
		assertThat(put(f.rep(chair), Map.of()).status()).isEqualTo(403);
		assertThat(put(f.secretariat(), Map.of()).status()).isEqualTo(201);
		var bad = put(f.admin, Map.of("deadline", OffsetDateTime.now().minusHours(1).toString(), "majority", "SIMPLE",
				"type", "CHARTER_AMENDMENT", "quorum", 0.2));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.invalidFields()).containsExactlyInAnyOrder("deadline", "quorum", "majority");
		var missing = f.admin.post("/api/v1/alliances/" + f.slug + "/motions", Map.of("title", "缺少字段"));
		assertThat(missing.invalidFields()).containsExactlyInAnyOrder("electorate", "deadline");
		assertThat(f.admin.get("/api/v1/alliances/" + f.slug + "/motions").json().size()).isEqualTo(1);
	}

	@Test
	void aGroupStandardByCorrespondenceLeavesItsDraftersOut() {
		long motion = put(f.admin, Map.of("type", "GROUP_STANDARD", "draftingOrganizationIds", List.of(third))).json()
			.get("id").asLong();
		assertThat(f.vote(f.rep(third), motion, "YES").status()).isEqualTo(403);
		f.vote(f.rep(chair), motion, "YES");
		f.vote(f.rep(council), motion, "YES");
		JsonNode result = f.close(motion);
		assertThat(result.get("eligible").asInt()).isEqualTo(2);
		assertThat(result.get("outcome").asString()).isEqualTo("ADOPTED");
	}
}
