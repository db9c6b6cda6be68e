package org.alliancehub.standards;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.TestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh alliance with a council (a chair and three council units, each with a signed-in representative) and
 * its secretariat, made through the API as a client would; and the steps of a standard's way, each asserted.
 */
final class StandardsFixtures {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	final TestClient admin;

	final TestClient anonymous;

	final String slug;

	TestClient secretariat;

	final Map<Long, TestClient> reps = new HashMap<>();

	/** The user names of the secretariat (under null) and of each organisation's representative. */
	private final Map<Long, String> usernames = new HashMap<>();

	final long chair;

	final long council1;

	final long council2;

	final long council3;

	StandardsFixtures(TestClient admin, TestClient anonymous) {
		this.admin = admin;
		this.anonymous = anonymous;
		this.slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
		var a = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "标准联盟" + slug, "contact",
				Map.of("email", "secretariat-" + slug + "@example.org")));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		secretariat = user(0L, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		chair = organization("CHAIR");
		council1 = organization("COUNCIL");
		council2 = organization("COUNCIL");
		council3 = organization("COUNCIL");
	}

	/** A new organisation, member of the alliance in this role, with a representative (with an e-mail address). */
	long organization(String role) {
		var o = admin.post("/api/v1/organizations", Map.of("name", "起草单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(o.status()).as(o.body()).isEqualTo(201);
		long id = o.json().get("id").asLong();
		if (role != null) {
			assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role)).status())
				.isEqualTo(201);
		}
		reps.put(id, user(id, List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		return id;
	}

	private TestClient user(long key, List<Map<String, Object>> roles) {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "测试用户", "email",
				username + "@example.org", "password", "password-" + username, "roles", roles));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		usernames.put(key, username);
		return anonymous.login(username, "password-" + username);
	}

	/** New tokens for everyone, after the clock was moved past the old ones' lifetime. */
	void signInAgain() {
		usernames.forEach((key, username) -> {
			TestClient c = anonymous.login(username, "password-" + username);
			if (key == 0L) {
				secretariat = c;
			}
			else {
				reps.put(key, c);
			}
		});
	}

	TestClient rep(long org) {
		return reps.get(org);
	}

	/** A secretariat of another, new alliance. */
	TestClient outsider() {
		String other = "s-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", other, "name", "别的联盟" + other));
		return TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
	}

	TestClient.Response propose(Map<String, Object> extra) {
		Map<String, Object> body = new HashMap<>(Map.of("title", "渣浆泵用耐磨合金铸件技术条件", "scope",
				"本文件规定了渣浆泵用高铬耐磨合金铸件的技术要求、试验方法和检验规则。", "reasons", "行业缺少统一的铸件质量要求。",
				"proposingOrganizationIds", List.of(chair)));
		body.putAll(extra);
		return secretariat.post("/api/v1/alliances/" + slug + "/standards", body);
	}

	long proposed() {
		var r = propose(Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	/** A correspondence vote of the council of type GROUP_STANDARD, leaving out the drafting organisations; open. */
	long motion(List<Long> drafters) {
		var r = secretariat.post("/api/v1/alliances/" + slug + "/motions", Map.of("title", "关于团体标准的通讯表决", "type",
				"GROUP_STANDARD", "ballot", "OPEN", "electorate", "COUNCIL", "deadline",
				OffsetDateTime.now().plusDays(90).toString(), "draftingOrganizationIds", drafters));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	/** Every council voter not among the drafters votes {@code choice}, then the secretariat closes the vote. */
	JsonNode decide(long motion, List<Long> drafters, String choice) {
		for (long org : List.of(chair, council1, council2, council3)) {
			if (!drafters.contains(org)) {
				var v = rep(org).post("/api/v1/motions/" + motion + "/votes", Map.of("choice", choice));
				assertThat(v.status()).as(v.body()).isEqualTo(201);
			}
		}
		var c = secretariat.post("/api/v1/motions/" + motion + "/close", Map.of());
		assertThat(c.status()).as(c.body()).isEqualTo(200);
		return c.json();
	}

	JsonNode standard(long id) {
		var r = anonymous.get("/api/v1/standards/" + id);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	String stage(long id) {
		return standard(id).get("stage").asString();
	}

	/** Proposed and approved to start by an adopted vote. */
	long started() {
		long id = proposed();
		long motion = motion(List.of(chair));
		assertThat(secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", motion)).status()).isEqualTo(200);
		decide(motion, List.of(chair), "YES");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> stage(id).equals("APPROVED_TO_START"));
		return id;
	}

	/** Started, with council1 as drafting unit and one draft; answers the id. */
	long drafted() {
		long id = started();
		assertThat(secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", council1)).status())
			.isEqualTo(201);
		var d = secretariat.post("/api/v1/standards/" + id + "/drafts", Map.of("text", "1 范围\n本文件规定了铸件的技术要求。\n\n2 要求\n硬度不低于 HRC58。"));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		return id;
	}

	/** Drafted, and in its comment period from today for 30 days. */
	long inComment() {
		long id = drafted();
		var r = secretariat.post("/api/v1/standards/" + id + "/comment-period", period(today(), 30));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return id;
	}

	/** A group standard's number of this year no other test uses, like T/QXJRTB 001—2026. */
	static String number(int year) {
		StringBuilder code = new StringBuilder();
		for (char c : UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase().toCharArray()) {
			if (code.length() < 6) {
				code.append(c);
			}
		}
		return "T/X" + code + " 001—" + year;
	}

	/** Today where the alliances are (the application's days are China's). */
	static LocalDate today() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	static Map<String, Object> period(LocalDate from, int days) {
		return Map.of("from", from.toString(), "to", from.plusDays(days).toString());
	}

	static Map<String, Object> comment(String clause) {
		return Map.of("clause", clause, "text", "建议将硬度要求提高到 HRC60。", "name", "张工", "organization", "某泵业公司",
				"contact", "zhang@example.org");
	}
}
