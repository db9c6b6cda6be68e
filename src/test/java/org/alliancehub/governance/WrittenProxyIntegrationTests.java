package org.alliancehub.governance;

import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Written proxies (委托书) at a council meeting, recorded and used through the API. */
class WrittenProxyIntegrationTests extends IntegrationTest {

	GovernanceFixtures f;

	long chair;

	long council;

	long absent;

	long vice;

	long supervisor;

	long member;

	long meeting;

	@BeforeEach
	void council() {
		f = new GovernanceFixtures(admin(), client());
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		absent = f.organization("COUNCIL");
		vice = f.organization("VICE_CHAIR");
		supervisor = f.organization("SUPERVISOR");
		member = f.organization("MEMBER");
		meeting = f.councilMeeting();
	}

	TestClient.Response grant(long from, long to) {
		return f.admin.post("/api/v1/meetings/" + meeting + "/proxies",
				Map.of("fromOrganizationId", from, "toOrganizationId", to, "document", "委托书原件存秘书处档案 2024-06-18"));
	}

	@Test
	void theHoldersRepresentativeCastsTheGrantorsVoteAndTheGrantorCountsPresent() {
		var granted = grant(absent, chair);
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(granted.header("Location")).endsWith("/api/v1/meetings/" + meeting + "/proxies/" + absent);
		assertThat(granted.json().get("document").asString()).contains("委托书");
		f.checkIn(meeting, chair, council);
		JsonNode m = f.admin.get("/api/v1/meetings/" + meeting).json();
		assertThat(m.get("eligible").asInt()).isEqualTo(4);
		assertThat(m.get("present").asInt()).as("the absent grantor is represented by its present holder").isEqualTo(3);

		long motion = f.openMotion(meeting, Map.of("title", "2024年工作计划"));
		assertThat(f.vote(f.rep(chair), motion, "YES").status()).isEqualTo(201);
		var byProxy = f.voteFor(f.rep(chair), motion, absent, "YES");
		assertThat(byProxy.status()).as(byProxy.body()).isEqualTo(201);
		assertThat(f.voteFor(f.rep(chair), motion, absent, "NO").status()).as("one vote per organisation").isEqualTo(409);
		assertThat(f.voteFor(f.rep(council), motion, absent, "NO").status()).as("council holds no proxy of it")
			.isEqualTo(403);
		assertThat(f.vote(f.rep(council), motion, "NO").status()).isEqualTo(201);

		JsonNode result = f.close(motion);
		assertThat(result.get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(result.get("present").asInt()).isEqualTo(3);
		assertThat(result.get("eligible").asInt()).isEqualTo(4);
		assertThat(result.get("yes").asInt()).isEqualTo(2);
		assertThat(result.get("votes").valueStream().map(v -> v.get("organizationId").asLong()))
			.containsExactlyInAnyOrder(chair, absent, council);
	}

	@Test
	void aGrantorNoLongerVotesItselfEvenWhenPresentUntilTheProxyIsWithdrawn() {
		assertThat(grant(absent, chair).status()).isEqualTo(201);
		f.checkIn(meeting, chair, absent);
		long motion = f.openMotion(meeting, Map.of("title", "经费预算", "type", "BUDGET"));
		var own = f.vote(f.rep(absent), motion, "NO");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("detail").asString()).contains("proxy");

		assertThat(f.admin.delete("/api/v1/meetings/" + meeting + "/proxies/" + absent).status()).isEqualTo(204);
		assertThat(f.admin.delete("/api/v1/meetings/" + meeting + "/proxies/" + absent).status()).isEqualTo(404);
		assertThat(f.voteFor(f.rep(chair), motion, absent, "YES").status()).isEqualTo(403);
		assertThat(f.vote(f.rep(absent), motion, "NO").status()).isEqualTo(201);
	}

	@Test
	void aHolderWhoIsNotPresentCannotVoteForTheGrantor() {
		assertThat(grant(absent, chair).status()).isEqualTo(201);
		f.checkIn(meeting, council);
		long motion = f.openMotion(meeting, Map.of("title", "无人代表"));
		assertThat(f.voteFor(f.rep(chair), motion, absent, "YES").status()).isEqualTo(403);
		JsonNode result = f.close(motion);
		assertThat(result.get("present").asInt()).as("an absent holder brings no one").isEqualTo(1);
	}

	@Test
	void proxiesJoinVotingParticipantsOnlyOnePerHolderWithoutChains() {
		var observers = grant(supervisor, member);
		assertThat(observers.status()).isEqualTo(400);
		assertThat(observers.invalidFields()).containsExactly("fromOrganizationId", "toOrganizationId");
		assertThat(grant(chair, chair).invalidFields()).containsExactly("toOrganizationId");
		assertThat(f.admin.get("/api/v1/meetings/" + meeting + "/proxies").json().size()).isZero();

		assertThat(grant(absent, chair).status()).isEqualTo(201);
		assertThat(grant(absent, council).status()).as("given already").isEqualTo(409);
		assertThat(grant(vice, chair).status()).as("one proxy per holder by the built-in charter").isEqualTo(409);
		assertThat(grant(chair, council).status()).as("a holder cannot pass its votes on").isEqualTo(409);
		assertThat(grant(council, absent).status()).as("a grantor cannot hold a proxy").isEqualTo(409);

		assertThat(f.admin.put("/api/v1/alliances/" + f.slug + "/charter", Map.of("maxProxiesPerHolder", 2)).status())
			.isEqualTo(200);
		assertThat(grant(vice, chair).status()).as("the charter allows two").isEqualTo(201);
		JsonNode list = f.rep(council).get("/api/v1/meetings/" + meeting + "/proxies").json();
		assertThat(list.valueStream().map(p -> p.get("fromOrganizationId").asLong())).containsExactlyInAnyOrder(absent, vice);
	}

	@Test
	void onlyTheAlliancesSecretariatRecordsProxiesAndOutsidersDoNotSeeThem() {
		var outsider = f.outsider();
		assertThat(outsider.post("/api/v1/meetings/" + meeting + "/proxies",
				Map.of("fromOrganizationId", absent, "toOrganizationId", chair)).status()).isEqualTo(404);
		assertThat(f.rep(chair).post("/api/v1/meetings/" + meeting + "/proxies",
				Map.of("fromOrganizationId", absent, "toOrganizationId", chair)).status()).isEqualTo(403);
		assertThat(f.secretariat().post("/api/v1/meetings/" + meeting + "/proxies",
				Map.of("fromOrganizationId", absent, "toOrganizationId", chair)).status()).isEqualTo(201);
		assertThat(outsider.delete("/api/v1/meetings/" + meeting + "/proxies/" + absent).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/meetings/" + meeting + "/proxies").status()).isEqualTo(404);
		assertThat(client().get("/api/v1/meetings/" + meeting + "/proxies").status()).isEqualTo(404);
		assertThat(f.rep(member).get("/api/v1/meetings/" + meeting + "/proxies").status())
			.as("a member not taking part in the council").isEqualTo(404);
		assertThat(f.rep(supervisor).get("/api/v1/meetings/" + meeting + "/proxies").json().size()).isEqualTo(1);
	}

	@Test
	void theSignedLetterIsKeptWithTheProxyAndReadByParticipantsOnly() {
		assertThat(grant(absent, chair).status()).isEqualTo(201);
		String path = "/api/v1/meetings/" + meeting + "/proxies/" + absent + "/letter";
		assertThat(f.admin.get(path).status()).as("no letter yet").isEqualTo(404);
		byte[] pdf = AgendaDocumentsIntegrationTests.PDF;
		assertThat(f.rep(chair).upload(path, "委托书.pdf", pdf).status()).isEqualTo(403);
		assertThat(f.admin.upload("/api/v1/meetings/" + meeting + "/proxies/" + council + "/letter", "委托书.pdf", pdf)
			.status()).as("no proxy of that organisation").isEqualTo(404);
		assertThat(f.admin.upload(path, "委托书.exe", "MZ\u0090\u0000 not a letter".getBytes()).status()).isEqualTo(415);

		var kept = f.admin.upload(path, "委托书.pdf", pdf);
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().get("letterUrl").asString()).isEqualTo(path);
		assertThat(f.rep(council).get(path).body()).startsWith("%PDF-1.4");
		assertThat(f.rep(member).get(path).status()).as("an ordinary member takes no part in the council").isEqualTo(404);
		assertThat(client().get(path).status()).isEqualTo(404);
	}

	@Test
	void onTheLiveMeetingPageTheHolderChoosesWhoseVoteItCasts() {
		assertThat(grant(absent, chair).status()).isEqualTo(201);
		f.checkIn(meeting, chair);
		long motion = f.openMotion(meeting, Map.of("title", "现场代为表决"));
		var holder = org.alliancehub.FormSession.signIn(f.admin, port,
				List.of(Map.of("role", "MEMBER_REP", "organizationId", chair)));
		String page = "/meetings/" + meeting;
		assertThat(holder.get(page).body()).contains("name=\"organizationId\"", "value=\"" + absent + "\"",
				"value=\"" + chair + "\"");
		holder.post(page, page + "/motions/" + motion + "/vote", "choice=NO&organizationId=" + absent);
		assertThat(holder.get(page).body()).contains("id=\"receipt\"");
		holder.post(page, page + "/motions/" + motion + "/vote", "choice=YES&organizationId=" + chair);
		assertThat(holder.get(page).body()).contains("id=\"receipt\"");
		holder.post(page, page + "/motions/" + motion + "/vote", "choice=YES&organizationId=" + absent);
		assertThat(holder.get(page).body()).contains("未能投票").doesNotContain("id=\"receipt\"");
		JsonNode result = f.admin.get("/api/v1/motions/" + motion + "/result").json();
		assertThat(result.get("no").asInt()).isEqualTo(1);
		assertThat(result.get("yes").asInt()).isEqualTo(1);

		var councilRep = org.alliancehub.FormSession.signIn(f.admin, port,
				List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		assertThat(councilRep.get(page).body()).as("one seat: no choice to make").doesNotContain("<select name=\"organizationId\"");
	}
}
