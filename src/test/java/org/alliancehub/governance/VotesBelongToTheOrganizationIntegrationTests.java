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

/** When an organisation names a new representative, its vote stays cast and neither person votes again for it. */
class VotesBelongToTheOrganizationIntegrationTests extends IntegrationTest {

	GovernanceFixtures f;

	long chair;

	long council;

	@BeforeEach
	void alliance() {
		f = new GovernanceFixtures(admin(), client());
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
	}

	/** Creates a user with these roles through the API, signed in; answers its id and client. */
	record User(long id, TestClient client) {
	}

	User user(TestClient creator, List<Map<String, Object>> roles) {
		String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
		var r = creator.post("/api/v1/users", Map.of("username", username, "displayName", "代表" + username,
				"password", "password-" + username, "roles", roles));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return new User(r.json().get("id").asLong(), client().login(username, "password-" + username));
	}

	@Test
	void theVoteStaysWithTheOrganisationWhenItsRepresentativeChanges() {
		TestClient secretariat = f.secretariat();
		TestClient organization = f.rep(council); // the organisation itself names and replaces its representatives
		User a = user(organization, List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		long meeting = f.councilMeeting();
		f.checkIn(meeting, chair, council);
		long motion = f.openMotion(meeting, Map.of("title", "换届筹备方案", "ballot", "OPEN"));
		long correspondence = f.admin.post("/api/v1/alliances/" + f.slug + "/motions", Map.of("title", "通讯表决",
				"electorate", "COUNCIL", "deadline", OffsetDateTime.now().plusDays(3).toString()))
			.json().get("id").asLong();
		assertThat(f.vote(a.client(), motion, "YES").status()).isEqualTo(201);

		// The organisation names B: the MEMBER_REP role moves from A to B.
		User b = user(organization, List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		assertThat(f.outsider().put("/api/v1/users/" + a.id() + "/roles", Map.of("roles", List.of())).status())
			.as("another alliance's secretariat cannot take the role away").isEqualTo(403);
		assertThat(f.rep(chair).put("/api/v1/users/" + a.id() + "/roles", Map.of("roles", List.of())).status())
			.isEqualTo(403);
		assertThat(secretariat.put("/api/v1/users/" + a.id() + "/roles", Map.of("roles", List.of())).status())
			.as("nor does its own alliance's secretariat").isEqualTo(403);
		var moved = organization.put("/api/v1/users/" + a.id() + "/roles", Map.of("roles", List.of()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("roles").size()).isZero();

		assertThat(f.vote(b.client(), motion, "NO").status()).as("the organisation has voted").isEqualTo(409);
		assertThat(f.vote(a.client(), motion, "NO").status()).as("A no longer acts for it, nor sees the motion").isEqualTo(404);
		assertThat(f.vote(a.client(), correspondence, "NO").status()).isEqualTo(404);
		assertThat(f.vote(b.client(), correspondence, "NO").status()).isEqualTo(201);

		JsonNode result = f.close(motion);
		assertThat(result.get("cast").asInt()).isEqualTo(1);
		assertThat(result.get("votes").get(0).get("organizationId").asLong()).isEqualTo(council);
		assertThat(result.get("votes").get(0).get("choice").asString()).isEqualTo("YES");
	}

	@Test
	void rolesAreReplacedOnlyWithValidRolesWithinTheCallersReach() {
		User a = user(f.admin, List.of(Map.of("role", "MEMBER_REP", "organizationId", council)));
		var invalid = f.admin.put("/api/v1/users/" + a.id() + "/roles",
				Map.of("roles", List.of(Map.of("role", "MEMBER_REP"), Map.of("role", "SECRETARIAT", "alliance", "no-such"))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.invalidFields()).containsExactly("roles[0].organizationId", "roles[1].alliance");
		assertThat(f.secretariat().put("/api/v1/users/" + a.id() + "/roles",
				Map.of("roles", List.of(Map.of("role", "NETWORK_ADMIN")))).status()).isEqualTo(403);
		assertThat(f.admin.get("/api/v1/users/" + a.id()).json().get("roles").get(0).get("organizationId").asLong())
			.isEqualTo(council);
		assertThat(f.admin.put("/api/v1/users/999999999/roles", Map.of("roles", List.of())).status()).isEqualTo(404);
	}

	@Test
	void aReplacedRepresentativeStillSignedInOnTheMeetingPageCannotVoteForTheOrganisation() {
		String username = "page-" + UUID.randomUUID().toString().substring(0, 8);
		long a = f.admin.post("/api/v1/users", Map.of("username", username, "displayName", "代表", "password",
				"page-rep-password", "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", council))))
			.json().get("id").asLong();
		long meeting = f.councilMeeting();
		f.checkIn(meeting, chair, council);
		long motion = f.openMotion(meeting, Map.of("title", "页面表决"));

		FormSession session = FormSession.signIn(port, username, "page-rep-password");
		String token = session.csrf("/meetings/" + meeting);
		assertThat(f.rep(council).put("/api/v1/users/" + a + "/roles", Map.of("roles", List.of())).status()).isEqualTo(200);

		var voted = session.post("/meetings/" + meeting + "/motions/" + motion + "/vote",
				Map.of("choice", "YES", "_csrf", token));
		// the session no longer keeps the roles it signed in with: the replaced representative takes no part now,
		// so the meeting does not exist for it (before, its page said 未能投票)
		assertThat(voted.statusCode()).as("the session's old roles do not vote").isEqualTo(404);
		assertThat(voted.headers().firstValue("Location")).isEmpty();
		assertThat(session.get("/meetings/" + meeting).statusCode()).isEqualTo(404);
		assertThat(f.admin.get("/api/v1/motions/" + motion + "/result").json().get("cast").asInt()).isZero();
	}
}
