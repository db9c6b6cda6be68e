package org.alliancehub.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.TestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh alliance with organisations in governance roles and a signed-in representative for each, made
 * through the API as a client would: the starting point of the governance tests.
 */
final class GovernanceFixtures {

	final TestClient admin;

	final TestClient anonymous;

	final String slug;

	final Map<Long, TestClient> reps = new HashMap<>();

	GovernanceFixtures(TestClient admin, TestClient anonymous) {
		this(admin, anonymous, "治理规则联盟");
	}

	/** A new alliance named {@code name} followed by its URL name. */
	GovernanceFixtures(TestClient admin, TestClient anonymous, String name) {
		this.admin = admin;
		this.anonymous = anonymous;
		this.slug = "g-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug)).status()).isEqualTo(201);
	}

	/** A new organisation, member of the alliance in this role, with a representative signed in. */
	long organization(String role) {
		long id = admin.post("/api/v1/organizations", Map.of("name", role + "单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role));
		reps.put(id, TestClient.userWith(admin, anonymous, List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		return id;
	}

	TestClient rep(long organization) {
		return reps.get(organization);
	}

	TestClient secretariat() {
		return TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
	}

	/** A secretariat of another, new alliance. */
	TestClient outsider() {
		String other = "g-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "别的联盟" + other));
		return TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
	}

	long councilMeeting() {
		var r = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1, "session", 2,
				"startsAt", "2024-06-20T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/rules"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	void checkIn(long meeting, long... organizations) {
		for (long org : organizations) {
			assertThat(admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", org, "present", true))
				.status()).isEqualTo(200);
		}
	}

	TestClient.Response propose(long meeting, Map<String, Object> motion) {
		return admin.post("/api/v1/meetings/" + meeting + "/motions", motion);
	}

	/** Proposes and opens a motion; answers its id. */
	long openMotion(long meeting, Map<String, Object> motion) {
		var r = propose(meeting, motion);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		assertThat(admin.post("/api/v1/motions/" + id + "/open", Map.of()).status()).isEqualTo(200);
		return id;
	}

	TestClient.Response vote(TestClient who, long motion, String choice) {
		return who.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", choice));
	}

	TestClient.Response voteFor(TestClient who, long motion, long organization, String choice) {
		return who.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", choice, "organizationId", organization));
	}

	JsonNode close(long motion) {
		var r = admin.post("/api/v1/motions/" + motion + "/close", Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}
}
