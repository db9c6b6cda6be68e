package org.alliancehub.collaboration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.TestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alliances with member organisations, a signed-in representative for each (with a known e-mail address) and
 * secretariats, made through the API as a client would (also for the technology-transfer and search tests).
 */
public final class CollaborationFixtures {

	final TestClient admin;

	final TestClient anonymous;

	public final Map<Long, TestClient> reps = new HashMap<>();

	public final Map<Long, String> emails = new HashMap<>();

	/** The representatives' user names; each one's password is {@code password-} and its name. */
	public final Map<Long, String> usernames = new HashMap<>();

	public CollaborationFixtures(TestClient admin, TestClient anonymous) {
		this.admin = admin;
		this.anonymous = anonymous;
	}

	/** A new alliance; answers its slug. */
	public String alliance(String name) {
		String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return slug;
	}

	/** A new organisation, member of the alliance, with a representative signed in. */
	public long member(String slug) {
		long id = organization();
		var m = admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", "MEMBER"));
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		return id;
	}

	/** A new organisation of no alliance, with a representative signed in. */
	public long organization() {
		var o = admin.post("/api/v1/organizations", Map.of("name", "协作单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(o.status()).as(o.body()).isEqualTo(201);
		long id = o.json().get("id").asLong();
		String username = "c" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.org";
		var u = admin.post("/api/v1/users", Map.of("username", username, "displayName", "代表" + username, "email", email,
				"password", "password-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		reps.put(id, anonymous.login(username, "password-" + username));
		emails.put(id, email);
		usernames.put(id, username);
		return id;
	}

	public TestClient rep(long organization) {
		return reps.get(organization);
	}

	TestClient secretariat(String slug) {
		return TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
	}

	/** Proposes a project as the secretariat; answers its id. */
	long project(TestClient secretariat, String slug, long lead, String visibility) {
		var r = secretariat.post("/api/v1/alliances/" + slug + "/projects", Map.of("title", "联合攻关" + UUID.randomUUID(),
				"leadOrganizationId", lead, "visibility", visibility, "field", "渣浆泵", "summary", "耐磨材料与过流部件寿命"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}
}
