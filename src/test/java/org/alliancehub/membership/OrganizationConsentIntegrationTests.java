package org.alliancehub.membership;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * An organisation belongs to itself (issue 9, finding 1): another alliance's secretariat cannot take over a
 * member, only invite it; the organisation names and changes its own representatives; the audit log says who
 * did what for which organisation; nobody learns an e-mail address by re-submitting roles.
 */
class OrganizationConsentIntegrationTests extends IntegrationTest {

	TestClient admin;

	/** Alliance B, whose council member X is, and alliance A, whose secretariat tries to take X over. */
	String a;

	String b;

	TestClient secA;

	TestClient secB;

	long x;

	/** X's representative, named by B's secretariat (B registered X). */
	User repX;

	record User(long id, String username, TestClient client) {
	}

	@BeforeEach
	void twoAlliancesAndACouncilMemberOfB() {
		admin = admin();
		a = alliance("甲联盟");
		b = alliance("乙联盟");
		secA = secretariat(a);
		secB = secretariat(b);
		x = register(secB, "乙联盟理事单位");
		var added = secB.post("/api/v1/alliances/" + b + "/members", Map.of("organizationId", x, "role", "COUNCIL"));
		assertThat(added.status()).as("B registered X and nobody represents it: B takes it in").isEqualTo(201);
		repX = user(secB, "rep-x", List.of(Map.of("role", "MEMBER_REP", "organizationId", x)));
	}

	@Test
	void anotherAlliancesSecretariatCannotTakeOverACouncilMember() {
		// Step 1: A "adds" X: only an invitation, no membership
		var added = secA.post("/api/v1/alliances/" + a + "/members", Map.of("organizationId", x, "role", "COUNCIL"));
		assertThat(added.status()).as(added.body()).isEqualTo(202);
		long invitation = added.json().get("id").asLong();
		assertThat(added.header("Location")).isEqualTo("/api/v1/organizations/" + x + "/invitations/" + invitation);
		assertThat(added.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);
		assertThat(secA.get(added.header("Location")).status()).as("the inviting secretariat reads what it sent")
			.isEqualTo(200);
		assertThat(secA.post("/api/v1/alliances/" + a + "/members", Map.of("organizationId", x, "role", "MEMBER"))
			.status()).as("invited once").isEqualTo(409);

		// Step 2: A creates a representative for X
		String grabber = "grab-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(secA.post("/api/v1/users", Map.of("username", grabber, "displayName", "冒名代表", "password",
				"password-" + grabber, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", x)))).status())
			.isEqualTo(403);
		assertThat(client().post("/api/v1/auth/token", Map.of("username", grabber, "password", "password-" + grabber))
			.status()).as("no such user was made").isEqualTo(401);

		// Step 3: A replaces X's representative, or gives X to a user of its own
		assertThat(secA.put("/api/v1/users/" + repX.id() + "/roles", Map.of("roles", List.of())).status())
			.isEqualTo(403);
		long y = register(secA, "甲联盟自有单位");
		User m = user(secA, "rep-y", List.of(Map.of("role", "MEMBER_REP", "organizationId", y)));
		assertThat(secA.put("/api/v1/users/" + m.id() + "/roles", Map.of("roles", List.of(
				Map.of("role", "MEMBER_REP", "organizationId", y), Map.of("role", "MEMBER_REP", "organizationId", x))))
			.status()).isEqualTo(403);
		assertThat(secB.put("/api/v1/users/" + repX.id() + "/roles", Map.of("roles", List.of())).status())
			.as("not even X's own alliance replaces X's representative").isEqualTo(403);
		assertThat(admin.get("/api/v1/users/" + repX.id()).json().get("roles").get(0).get("organizationId").asLong())
			.isEqualTo(x);

		// Step 4: A's user acts for X nowhere in B
		TestClient mallory = m.client();
		long meeting = councilMeetingOf(b);
		assertThat(admin.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", x, "present", true))
			.status()).isEqualTo(200);
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "年度工作报告", "ballot", "OPEN"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(200);
		assertThat(mallory.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES", "organizationId", x))
			.status()).isIn(403, 404);
		assertThat(mallory.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isIn(403, 404);

		long survey = publishedSurveyOf(b);
		assertThat(mallory.put("/api/v1/surveys/" + survey + "/responses/" + x,
				Map.of("values", Map.of("revenue", 1), "submit", true)).status()).isIn(403, 404);

		long article = admin.post("/api/v1/alliances/" + b + "/articles", Map.of("title", "理事会内部通报", "category",
				"POLICY", "body", "<p>仅供成员单位</p>", "status", "PUBLISHED", "visibility", "MEMBERS")).json().get("id").asLong();
		assertThat(repX.client().get("/api/v1/articles/" + article).status()).as("X's real representative reads it")
			.isEqualTo(200);
		assertThat(mallory.get("/api/v1/articles/" + article).status()).isEqualTo(404);

		assertThat(mallory.patch("/api/v1/organizations/" + x, Map.of("website", "https://evil.example")).status())
			.isEqualTo(403);
		assertThat(secA.patch("/api/v1/organizations/" + x, Map.of("website", "https://evil.example")).status())
			.as("an invitation gives no edit right").isEqualTo(403);
		assertThat(admin.get("/api/v1/organizations/" + x).json().get("website").isNull()).isTrue();
		JsonNode result = admin.post("/api/v1/motions/" + motion + "/close", Map.of()).json();
		assertThat(result.get("cast").asInt()).isZero();
	}

	@Test
	void theOrganisationAcceptsOrDeclinesAnInvitation() {
		var invited = secA.post("/api/v1/alliances/" + a + "/members",
				Map.of("organizationId", x, "role", "VICE_CHAIR", "since", "2024-03-01"));
		assertThat(invited.status()).isEqualTo(202);
		long first = invited.json().get("id").asLong();

		assertThat(client().get("/api/v1/organizations/" + x + "/invitations").status()).isEqualTo(401);
		assertThat(secA.get("/api/v1/organizations/" + x + "/invitations").status()).isEqualTo(403);
		JsonNode mine = repX.client().get("/api/v1/organizations/" + x + "/invitations").json();
		assertThat(mine.get(0).get("id").asLong()).isEqualTo(first);
		assertThat(mine.get(0).get("alliance").asString()).isEqualTo(a);
		assertThat(secA.post("/api/v1/organizations/" + x + "/invitations/" + first + "/accept", Map.of()).status())
			.as("the inviting secretariat does not accept for X").isEqualTo(403);
		long otherOrg = register(secA, "别家单位");
		assertThat(secA.post("/api/v1/organizations/" + otherOrg + "/invitations/" + first + "/accept", Map.of())
			.status()).as("an invitation is answered under its own organisation").isIn(403, 404);

		var declined = repX.client().post("/api/v1/organizations/" + x + "/invitations/" + first + "/decline", Map.of());
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(repX.client().post("/api/v1/organizations/" + x + "/invitations/" + first + "/accept", Map.of())
			.status()).as("answered once").isEqualTo(409);
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);
		assertThat(secA.patch("/api/v1/organizations/" + x, Map.of("website", "https://a.example")).status()).isEqualTo(403);

		long second = secA.post("/api/v1/alliances/" + a + "/members",
				Map.of("organizationId", x, "role", "VICE_CHAIR", "since", "2024-03-01")).json().get("id").asLong();
		var accepted = repX.client().post("/api/v1/organizations/" + x + "/invitations/" + second + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		JsonNode member = client().get("/api/v1/alliances/" + a + "/members/" + x).json();
		assertThat(member.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(member.get("role").asString()).isEqualTo("VICE_CHAIR");
		assertThat(member.get("since").asString()).isEqualTo("2024-03-01");
		assertThat(secA.patch("/api/v1/organizations/" + x, Map.of("website", "https://a.example")).status())
			.as("membership now implies consent").isEqualTo(200);
		assertThat(secA.post("/api/v1/users", newUser("late-rep", List.of(Map.of("role", "MEMBER_REP", "organizationId", x))))
			.status()).as("a member still names its own representatives").isEqualTo(403);

		// the network administrator may accept on an organisation's behalf
		String c = alliance("丙联盟");
		long third = secretariat(c).post("/api/v1/alliances/" + c + "/members", Map.of("organizationId", x, "role", "MEMBER"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/organizations/" + x + "/invitations/" + third + "/accept", Map.of()).status())
			.isEqualTo(200);
		assertThat(client().get("/api/v1/alliances/" + c + "/members/" + x).json().get("status").asString())
			.isEqualTo("ACTIVE");

		List<JsonNode> log = audit();
		assertThat(entries(log, "invitation.sent", "organization:" + x)).hasSize(3);
		assertThat(entries(log, "invitation.declined", "organization:" + x)).singleElement()
			.satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo(repX.username()));
		assertThat(entries(log, "invitation.accepted", "organization:" + x)).hasSize(2);
		assertThat(secA.get("/api/v1/audit?size=100").json().toString()).as("A's secretariat sees its invitations")
			.contains("invitation.sent");
	}

	@Test
	void aSecretariatNamesOnlyTheFirstRepresentativeOfAnOrganisationItsAllianceRegistered() {
		assertThat(secB.post("/api/v1/users", newUser("second", List.of(Map.of("role", "MEMBER_REP", "organizationId", x))))
			.status()).as("X has a representative already").isEqualTo(403);
		long byAdmin = admin.post("/api/v1/organizations", Map.of("name", "网络登记单位" + UUID.randomUUID(), "type",
				"ENTERPRISE")).json().get("id").asLong();
		assertThat(admin.get("/api/v1/organizations/" + byAdmin).json().get("registeredByAllianceId").isNull()).isTrue();
		assertThat(secA.post("/api/v1/users", newUser("nofirst", List.of(Map.of("role", "MEMBER_REP", "organizationId", byAdmin))))
			.status()).as("not registered by A").isEqualTo(403);
		assertThat(secA.post("/api/v1/alliances/" + a + "/members", Map.of("organizationId", byAdmin, "role", "MEMBER"))
			.status()).as("registered by the administrator: invited").isEqualTo(202);

		long own = register(secA, "甲联盟新单位");
		JsonNode o = admin.get("/api/v1/organizations/" + own).json();
		assertThat(o.get("registeredByAllianceId").asLong()).isEqualTo(client().get("/api/v1/alliances/" + a).json()
			.get("id").asLong());
		assertThat(secA.post("/api/v1/users", newUser("first", List.of(Map.of("role", "MEMBER_REP", "organizationId", own))))
			.status()).isEqualTo(201);
		assertThat(secA.post("/api/v1/users", newUser("again", List.of(Map.of("role", "MEMBER_REP", "organizationId", own))))
			.status()).isEqualTo(403);
		assertThat(secA.post("/api/v1/users", newUser("secb", List.of(Map.of("role", "SECRETARIAT", "alliance", b))))
			.status()).as("nor SECRETARIAT of another alliance").isEqualTo(403);

		// a secretariat of two alliances names the one that registers
		String username = "two-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", Map.of("username", username, "displayName", "两联盟秘书处", "password",
				"password-" + username, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", a),
						Map.of("role", "SECRETARIAT", "alliance", b)))).status()).isEqualTo(201);
		TestClient both = client().login(username, "password-" + username);
		var ambiguous = both.post("/api/v1/organizations", Map.of("name", "两可单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(ambiguous.status()).isEqualTo(400);
		assertThat(ambiguous.invalidFields()).containsExactly("alliance");
		var named = both.post("/api/v1/organizations", Map.of("name", "两可单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"alliance", b));
		assertThat(named.status()).isEqualTo(201);
		assertThat(secA.post("/api/v1/organizations", Map.of("name", "越权单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"alliance", b)).status()).isEqualTo(403);
	}

	@Test
	void aRepresentativeHandsOverToAColleagueAndTheAdministratorMayChangeAny() {
		var colleague = repX.client().post("/api/v1/users",
				newUser("colleague", List.of(Map.of("role", "MEMBER_REP", "organizationId", x))));
		assertThat(colleague.status()).as(colleague.body()).isEqualTo(201);
		long colleagueId = colleague.json().get("id").asLong();
		assertThat(repX.client().post("/api/v1/users", newUser("other", List.of(Map.of("role", "MEMBER_REP",
				"organizationId", register(secA, "他人单位"))))).status()).as("only its own organisation").isEqualTo(403);
		var handedOver = repX.client().put("/api/v1/users/" + repX.id() + "/roles", Map.of("roles", List.of()));
		assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
		assertThat(admin.get("/api/v1/users/" + repX.id()).json().get("roles").size()).isZero();
		assertThat(admin.get("/api/v1/users/" + colleagueId).json().get("roles").get(0).get("organizationId").asLong())
			.isEqualTo(x);
		assertThat(admin.put("/api/v1/users/" + repX.id() + "/roles",
				Map.of("roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", x)))).status()).isEqualTo(200);

		List<JsonNode> log = audit();
		JsonNode created = entries(log, "user.created", "user:" + colleague.json().get("username").asString()).get(0);
		assertThat(created.get("actor").asString()).isEqualTo(repX.username());
		assertThat(created.get("summary").asString()).contains("MEMBER_REP of organisation " + x).contains(repX.username());
		List<JsonNode> changes = entries(log, "user.roles-changed", "user:" + repX.username());
		assertThat(changes).hasSize(2);
		assertThat(changes).anySatisfy(e -> {
			assertThat(e.get("actor").asString()).isEqualTo(repX.username());
			assertThat(e.get("summary").asString()).contains("removed MEMBER_REP of organisation " + x);
		});
		assertThat(changes).anySatisfy(e -> {
			assertThat(e.get("actor").asString()).isEqualTo("admin");
			assertThat(e.get("summary").asString()).contains("added MEMBER_REP of organisation " + x);
		});
	}

	@Test
	void aSecretariatNeverLearnsAnEmailAddressByResubmittingRoles() {
		String username = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		var created = admin.post("/api/v1/users", Map.of("username", username, "displayName", "秘书处同事", "email",
				username + "@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", b))));
		assertThat(created.json().get("email").asString()).isEqualTo(username + "@example.org");
		long id = created.json().get("id").asLong();
		var resubmitted = secB.put("/api/v1/users/" + id + "/roles",
				Map.of("roles", List.of(Map.of("role", "SECRETARIAT", "alliance", b))));
		assertThat(resubmitted.status()).isEqualTo(200);
		assertThat(resubmitted.body()).doesNotContain("@example.org");
		var made = secB.post("/api/v1/users", Map.of("username", username + "b", "displayName", "新同事", "email",
				username + "b@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", b))));
		assertThat(made.status()).isEqualTo(201);
		assertThat(made.body()).doesNotContain("@example.org");
		assertThat(client().login(username, "password-" + username)
			.put("/api/v1/users/" + id + "/roles", Map.of("roles", List.of(Map.of("role", "SECRETARIAT", "alliance", b))))
			.body()).as("the user itself sees its own address").contains(username + "@example.org");
		assertThat(secB.get("/api/v1/users/" + id).status()).isEqualTo(403);
		assertThat(secA.put("/api/v1/users/" + id + "/roles",
				Map.of("roles", List.of(Map.of("role", "SECRETARIAT", "alliance", b)))).status())
			.as("another alliance's secretariat learns nothing of B's users").isEqualTo(403);
	}

	@Test
	void theBackOfficeInvitesAnOrganisationRegisteredElsewhereInsteadOfTakingItIn() throws Exception {
		String username = "bo-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", Map.of("username", username, "displayName", "甲联盟秘书处", "password",
				"back-office-password", "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", a)))).status())
			.isEqualTo(201);
		FormSession session = FormSession.anonymous(port);
		session.login(username, "back-office-password");
		String name = admin.get("/api/v1/organizations/" + x).json().get("name").asString();
		String token = session.csrf("/admin/a/" + a + "/members");
		var added = session.post("/admin/a/" + a + "/members",
				Map.of("_csrf", token, "name", name, "type", "ENTERPRISE", "region", "", "role", "COUNCIL"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow()).contains("error=invited");
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);
		assertThat(repX.client().get("/api/v1/organizations/" + x + "/invitations").json().get(0).get("status")
			.asString()).isEqualTo("PENDING");
	}

	// ---- helpers, all through the API

	private String alliance(String name) {
		String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug)).status()).isEqualTo(201);
		return slug;
	}

	private TestClient secretariat(String slug) {
		return TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
	}

	private long register(TestClient secretariat, String name) {
		var r = secretariat.post("/api/v1/organizations", Map.of("name", name + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private Map<String, Object> newUser(String prefix, List<Map<String, Object>> roles) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return Map.of("username", username, "displayName", "代表" + username, "email", username + "@example.org",
				"password", "password-" + username, "roles", roles);
	}

	private User user(TestClient creator, String prefix, List<Map<String, Object>> roles) {
		Map<String, Object> u = newUser(prefix, roles);
		var r = creator.post("/api/v1/users", u);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String username = (String) u.get("username");
		return new User(r.json().get("id").asLong(), username, client().login(username, "password-" + username));
	}

	private long councilMeetingOf(String slug) {
		var r = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1, "session", 1,
				"startsAt", "2024-06-20T09:30:00+08:00", "mode", "ONLINE", "onlineUrl", "https://meeting.example.org/b"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private long publishedSurveyOf(String slug) {
		var r = admin.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", "年度统计", "period", "2024",
				"deadline", OffsetDateTime.now().plusDays(30).toString(), "fields",
				List.of(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL", "required", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		assertThat(admin.post("/api/v1/surveys/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		return id;
	}

	/** The newest audit entries, as the administrator reads them. */
	private List<JsonNode> audit() {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			admin.get("/api/v1/audit?size=100&page=" + page).json().get("items").forEach(all::add);
		}
		return all;
	}

	private static List<JsonNode> entries(List<JsonNode> log, String action, String subject) {
		return log.stream()
			.filter(e -> e.get("action").asString().equals(action) && e.get("subject").asString().equals(subject))
			.toList();
	}
}
