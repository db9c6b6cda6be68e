package org.alliancehub;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API v1 as API.md promises it, including every refusal. */
class ApiIntegrationTests extends IntegrationTest {

	private String newAlliance(TestClient admin) {
		String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "测试联盟" + slug, "shortName", "测试联盟",
				"industry", "渣浆泵", "contact", Map.of("phone", "0311-12345678", "postcode", "050000")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.header("Location")).isEqualTo("/api/v1/alliances/" + slug);
		return slug;
	}

	private long newOrganization(TestClient admin, String name) {
		var r = admin.post("/api/v1/organizations", Map.of("name", name, "type", "ENTERPRISE", "region", "河北省",
				"products", List.of(Map.of("name", "渣浆泵", "description", "耐磨"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private TestClient secretariatOf(String slug) {
		return TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
	}

	@Test
	void tokenWithWrongPasswordIsRefusedAndProtectedCallsNeedOne() {
		assertThat(client().post("/api/v1/auth/token", Map.of("username", "admin", "password", "wrong-password")).status())
			.isEqualTo(401);
		var anonymous = client().post("/api/v1/alliances", Map.of("slug", "x-anon", "name", "x"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(client().withToken("not-a-token").get("/api/v1/alliances").status()).isEqualTo(401);
	}

	@Test
	void repeatedFailedLoginsAreRefusedWith429AndRetryAfter() {
		String name = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 5; i++) {
			assertThat(client().post("/api/v1/auth/token", Map.of("username", name, "password", "guess-" + i)).status())
				.isEqualTo(401);
		}
		var refused = client().post("/api/v1/auth/token", Map.of("username", name, "password", "guess-again"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
	}

	@Test
	void adminCreatesAllianceAndDuplicateSlugConflicts() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		var again = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "另一个"));
		assertThat(again.status()).isEqualTo(409);
		JsonNode a = client().get("/api/v1/alliances/" + slug).json();
		assertThat(a.get("name").asString()).isEqualTo("测试联盟" + slug);
		assertThat(a.get("contact").get("postcode").asString()).isEqualTo("050000");
		assertThat(a.get("memberCount").asLong()).isZero();
	}

	@Test
	void invalidAllianceListsEveryInvalidFieldAndChangesNothing() {
		var r = admin().post("/api/v1/alliances",
				Map.of("slug", "Not A Slug", "name", "", "contact", Map.of("email", "not-an-email", "postcode", "12")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("slug", "name", "contact.email", "contact.postcode");
		assertThat(client().get("/api/v1/alliances/Not A Slug".replace(" ", "%20")).status()).isEqualTo(404);
	}

	@Test
	void wrongMediaTypeAndOversizedPagesAreRefused() {
		assertThat(admin().postRaw("/api/v1/alliances", "text/plain", "slug=x").status()).isEqualTo(415);
		var r = client().get("/api/v1/organizations?size=101");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactly("size");
		assertThat(admin().postRaw("/api/v1/alliances", "application/json", "{not json").status()).isEqualTo(400);
	}

	@Test
	void secretariatManagesMembersOfItsOwnAllianceOnly() {
		TestClient admin = admin();
		String mine = newAlliance(admin);
		String other = newAlliance(admin);
		TestClient secretariat = secretariatOf(mine);
		long org = newOrganization(secretariat, "石家庄测试泵业" + mine); // registered by this alliance: taken in at once

		var added = secretariat.post("/api/v1/alliances/" + mine + "/members",
				Map.of("organizationId", org, "role", "VICE_CHAIR", "since", "2023-02-01"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(secretariat.post("/api/v1/alliances/" + mine + "/members", Map.of("organizationId", org, "role", "MEMBER"))
			.status()).isEqualTo(409);
		assertThat(secretariat.post("/api/v1/alliances/" + other + "/members", Map.of("organizationId", org, "role", "MEMBER"))
			.status()).isEqualTo(403);
		assertThat(secretariat.patch("/api/v1/alliances/" + other, Map.of("name", "被篡改")).status()).isEqualTo(403);
		assertThat(client().get("/api/v1/alliances/" + other).json().get("name").asString()).startsWith("测试联盟");

		JsonNode alliance = client().get("/api/v1/alliances/" + mine).json();
		assertThat(alliance.get("memberCount").asLong()).isEqualTo(1);
		assertThat(alliance.get("governance").get(0).get("role").asString()).isEqualTo("VICE_CHAIR");
		JsonNode members = client().get("/api/v1/alliances/" + mine + "/members?role=VICE_CHAIR").json();
		assertThat(members.get("total").asLong()).isEqualTo(1);
		assertThat(members.get("items").get(0).get("organizationName").asString()).isEqualTo("石家庄测试泵业" + mine);

		var withdrawn = secretariat.delete("/api/v1/alliances/" + mine + "/members/" + org);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(client().get("/api/v1/alliances/" + mine).json().get("memberCount").asLong()).isZero();
	}

	@Test
	void invalidMembershipRoleIsNamed() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		var r = admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", 1, "role", "EMPEROR"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactly("role");
		var missing = admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", 99999999, "role", "MEMBER"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.invalidFields()).containsExactly("organizationId");
	}

	@Test
	void staleVersionOfAnAllianceIsAConflict() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		long version = client().get("/api/v1/alliances/" + slug).json().get("version").asLong();
		assertThat(admin.patch("/api/v1/alliances/" + slug, Map.of("region", "河北省", "version", version)).status())
			.isEqualTo(200);
		var stale = admin.patch("/api/v1/alliances/" + slug, Map.of("region", "北京市", "version", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(client().get("/api/v1/alliances/" + slug).json().get("region").asString()).isEqualTo("河北省");
	}

	@Test
	void articlesAreSanitisedAndMembersOnlyOnesAreHiddenFromOutsiders() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		String other = newAlliance(admin);
		TestClient secretariat = secretariatOf(slug);
		var created = secretariat.post("/api/v1/alliances/" + slug + "/articles",
				Map.of("title", "理事会内部纪要", "category", "ALLIANCE_NEWS", "body",
						"<p onclick=\"x()\">仅供会员<script>alert(1)</script></p>", "status", "PUBLISHED", "visibility",
						"MEMBERS", "tags", List.of("纪要")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + id);
		assertThat(created.json().get("body").asString()).isEqualTo("<p>仅供会员</p>");

		assertThat(client().get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/alliances/" + slug + "/articles").json().get("total").asLong()).isZero();
		assertThat(secretariatOf(other).get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(secretariatOf(other).patch("/api/v1/articles/" + id, Map.of("title", "x")).status()).isEqualTo(404);

		long org = newOrganization(admin, "会员单位" + slug);
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		TestClient rep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", org)));
		assertThat(rep.get("/api/v1/articles/" + id).status()).isEqualTo(200);
		assertThat(rep.get("/api/v1/alliances/" + slug + "/articles").json().get("total").asLong()).isEqualTo(1);
		assertThat(rep.patch("/api/v1/articles/" + id, Map.of("title", "x")).status()).isEqualTo(403);
		assertThat(client().get("/a/" + slug + "/articles/" + id).status()).isEqualTo(404);
	}

	@Test
	void articleShowsPreviousNextAndRelatedAndStaleEditsConflict() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		TestClient s = secretariatOf(slug);
		long first = s.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "第一篇", "category", "POLICY",
				"body", "<p>一</p>", "status", "PUBLISHED", "publishedAt", "2023-01-01T09:00:00+08:00", "tags",
				List.of("标准"))).json().get("id").asLong();
		long second = s.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "第二篇", "category", "POLICY",
				"body", "<p>二</p>", "status", "PUBLISHED", "publishedAt", "2023-02-01T09:00:00+08:00", "tags",
				List.of("标准"))).json().get("id").asLong();
		long draft = s.post("/api/v1/alliances/" + slug + "/articles",
				Map.of("title", "草稿", "category", "POLICY", "body", "<p>三</p>")).json().get("id").asLong();

		JsonNode a = client().get("/api/v1/articles/" + first).json();
		assertThat(a.get("next").get("id").asLong()).isEqualTo(second);
		assertThat(a.get("previous").isNull()).isTrue();
		assertThat(a.get("related").get(0).get("id").asLong()).isEqualTo(second);
		assertThat(a.get("publishedAt").asString()).isEqualTo("2023-01-01T09:00:00+08:00");
		assertThat(client().get("/api/v1/articles/" + draft).status()).isEqualTo(404);
		JsonNode list = client().get("/api/v1/alliances/" + slug + "/articles?category=POLICY").json();
		assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(second);
		assertThat(list.get("total").asLong()).isEqualTo(2);

		assertThat(s.patch("/api/v1/articles/" + first, Map.of("title", "改", "version", 0)).status()).isEqualTo(200);
		assertThat(s.patch("/api/v1/articles/" + first, Map.of("title", "再改", "version", 0)).status()).isEqualTo(409);
		assertThat(s.delete("/api/v1/articles/" + second).status()).isEqualTo(204);
		assertThat(client().get("/api/v1/articles/" + second).status()).isEqualTo(404);
	}

	@Test
	void invalidArticleNamesEveryField() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		var r = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "", "category", "GOSSIP"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("category");
		var r2 = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "", "category", "POLICY"));
		assertThat(r2.invalidFields()).contains("title", "body");
	}

	@Test
	void secretariatCannotGrantRolesOutsideItsAlliance() {
		TestClient admin = admin();
		String mine = newAlliance(admin);
		String other = newAlliance(admin);
		TestClient s = secretariatOf(mine);
		var r = s.post("/api/v1/users", Map.of("username", "grab-" + mine, "displayName", "x", "password",
				"long-enough-password", "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", other))));
		assertThat(r.status()).isEqualTo(403);
		var admins = s.post("/api/v1/users", Map.of("username", "root-" + mine, "displayName", "x", "password",
				"long-enough-password", "roles", List.of(Map.of("role", "NETWORK_ADMIN"))));
		assertThat(admins.status()).isEqualTo(403);
		assertThat(client().post("/api/v1/auth/token", Map.of("username", "root-" + mine, "password",
				"long-enough-password")).status()).isEqualTo(401);
	}

	@Test
	void organizationsAreListedFilteredAndEditedByTheirRepresentative() {
		TestClient admin = admin();
		long org = newOrganization(admin, "营口测试专用汽车" + UUID.randomUUID());
		var list = client().get("/api/v1/organizations?q=营口测试&type=ENTERPRISE").json();
		assertThat(list.get("total").asLong()).isPositive();
		TestClient rep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", org)));
		assertThat(rep.patch("/api/v1/organizations/" + org, Map.of("website", "https://example.org")).status())
			.isEqualTo(200);
		long another = newOrganization(admin, "别家" + UUID.randomUUID());
		assertThat(rep.patch("/api/v1/organizations/" + another, Map.of("website", "https://evil.example")).status())
			.isEqualTo(403);
		JsonNode o = client().get("/api/v1/organizations/" + org).json();
		assertThat(o.get("products").get(0).get("name").asString()).isEqualTo("渣浆泵");
		assertThat(o.get("representsAllianceId").isNull()).as("an enterprise stands for no alliance").isTrue();
		String slug = newAlliance(admin);
		long represents = client().get("/api/v1/alliances/" + slug).json().get("id").asLong();
		JsonNode found = client().get("/api/v1/organizations?q=" + slug + "&type=ASSOCIATION").json().get("items").get(0);
		assertThat(found.get("representsAllianceId").asLong()).isEqualTo(represents);
	}

	@Test
	void briefingsAreNumberedAndLinksBelongToTheirAlliance() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		String other = newAlliance(admin);
		TestClient s = secretariatOf(slug);
		assertThat(s.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 143, "title", "简报",
				"publishedOn", "2023-03-01", "body", "<p>内容</p>")).status()).isEqualTo(201);
		assertThat(s.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 143, "title", "重复",
				"publishedOn", "2023-03-02", "body", "<p>内容</p>")).status()).isEqualTo(409);
		var link = s.post("/api/v1/alliances/" + slug + "/links", Map.of("name", "科学技术部", "url", "https://www.most.gov.cn"));
		assertThat(link.status()).isEqualTo(201);
		assertThat(s.post("/api/v1/alliances/" + slug + "/links", Map.of("name", "坏链接", "url", "javascript:alert(1)"))
			.invalidFields()).containsExactly("url");
		TestClient otherSecretariat = secretariatOf(other);
		assertThat(otherSecretariat.delete("/api/v1/links/" + link.json().get("id").asLong()).status()).isEqualTo(403);
		assertThat(client().get("/api/v1/alliances/" + slug + "/links").json().size()).isEqualTo(1);
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		var r = client().get("/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		JsonNode paths = r.json().get("paths");
		assertThat(paths.has("/api/v1/alliances")).isTrue();
		assertThat(paths.has("/api/v1/articles/{id}")).isTrue();
		assertThat(paths.has("/api/v1/auth/token")).isTrue();
		assertThat(client().get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void everyChangeIsInTheAuditLogWithWhoDidIt() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		TestClient s = secretariatOf(slug);
		s.patch("/api/v1/alliances/" + slug, Map.of("region", "天津市"));
		JsonNode entries = s.get("/api/v1/audit?size=100").json().get("items");
		assertThat(entries.valueStream().anyMatch(e -> e.get("action").asString().equals("alliance.updated")
				&& e.get("subject").asString().equals("alliance:" + slug) && !e.get("actor").asString().equals("system")))
			.isTrue();
		assertThat(entries.valueStream().allMatch(e -> !e.get("allianceId").isNull())).isTrue();
		assertThat(client().get("/api/v1/audit").status()).isEqualTo(401);
	}

	@Test
	void attachmentsAreTypeAndSizeCheckedAndFollowTheArticlesVisibility() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		long open = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "附件测试", "category", "POLICY",
				"body", "<p>附件</p>", "status", "PUBLISHED")).json().get("id").asLong();
		long hidden = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "会员附件", "category",
				"POLICY", "body", "<p>附件</p>", "status", "PUBLISHED", "visibility", "MEMBERS")).json().get("id").asLong();
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();

		var uploaded = admin.upload("/api/v1/articles/" + open + "/attachments", "政策文件.pdf", pdf);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
		var download = client().get(uploaded.header("Location"));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).startsWith("%PDF-1.4");
		assertThat(download.header("Content-Disposition")).contains("attachment");
		assertThat(client().get("/api/v1/articles/" + open).json().get("attachments").get(0).get("filename").asString())
			.isEqualTo("政策文件.pdf");

		byte[] exe = new byte[200];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertThat(admin.upload("/api/v1/articles/" + open + "/attachments", "disguised.pdf", exe).status()).isEqualTo(415);
		assertThat(admin.upload("/api/v1/articles/" + open + "/attachments", "page.html",
				"<html><script>alert(1)</script></html>".getBytes()).status()).isEqualTo(415);
		assertThat(admin.upload("/api/v1/articles/" + open + "/attachments", "huge.pdf", new byte[11 * 1024 * 1024])
			.status()).isEqualTo(413);
		assertThat(client().get("/api/v1/articles/" + open).json().get("attachments").size()).isEqualTo(1);

		var secret = admin.upload("/api/v1/articles/" + hidden + "/attachments", "内部.pdf", pdf);
		assertThat(client().get(secret.header("Location")).status()).isEqualTo(404);
		assertThat(secretariatOf(newAlliance(admin)).upload("/api/v1/articles/" + open + "/attachments", "x.pdf", pdf)
			.status()).isEqualTo(403);
	}

	@Test
	void remainingEndpointsAnswerAsTheContractSays() {
		TestClient admin = admin();
		String slug = newAlliance(admin);
		String other = newAlliance(admin);
		TestClient s = secretariatOf(slug);
		long org = newOrganization(s, "其余接口测试" + slug);
		s.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));

		assertThat(admin.get("/api/v1/users?size=5").json().get("size").asInt()).isEqualTo(5);
		assertThat(s.get("/api/v1/users").status()).isEqualTo(403);
		assertThat(client().get("/api/v1/users").status()).isEqualTo(401);

		var changed = s.patch("/api/v1/alliances/" + slug + "/members/" + org, Map.of("role", "SUPERVISOR", "version", 0));
		assertThat(changed.json().get("role").asString()).isEqualTo("SUPERVISOR");
		assertThat(s.patch("/api/v1/alliances/" + slug + "/members/" + org, Map.of("role", "CHAIR", "version", 0)).status())
			.isEqualTo(409);
		assertThat(secretariatOf(other).patch("/api/v1/alliances/" + slug + "/members/" + org, Map.of("role", "CHAIR"))
			.status()).isEqualTo(403);
		assertThat(client().get("/api/v1/alliances/" + slug + "/members/" + org).json().get("role").asString())
			.isEqualTo("SUPERVISOR");

		var event = s.post("/api/v1/alliances/" + slug + "/events", Map.of("title", "渣浆泵展览会", "startsOn", "2023-06-15",
				"endsOn", "2023-06-17", "location", "石家庄"));
		assertThat(event.status()).isEqualTo(201);
		var backwards = s.post("/api/v1/alliances/" + slug + "/events", Map.of("title", "倒序", "startsOn", "2023-06-15",
				"endsOn", "2023-06-01"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.invalidFields()).containsExactly("endsOn");
		assertThat(client().get("/api/v1/alliances/" + slug + "/events").json().size()).isEqualTo(1);
		assertThat(client().get("/api/v1/alliances/" + slug + "/briefings").json().size()).isZero();
		assertThat(client().get("/api/v1/alliances/" + slug + "/briefings/1").status()).isEqualTo(404);

		long article = s.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "附件删除", "category", "POLICY",
				"body", "<p>x</p>", "status", "PUBLISHED")).json().get("id").asLong();
		var file = s.upload("/api/v1/articles/" + article + "/attachments", "说明.txt", "纯文本说明".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(file.status()).isEqualTo(201);
		long fileId = file.json().get("id").asLong();
		assertThat(secretariatOf(other).delete("/api/v1/attachments/" + fileId).status()).isEqualTo(403);
		assertThat(s.delete("/api/v1/attachments/" + fileId).status()).isEqualTo(204);
		assertThat(client().get("/files/" + fileId).status()).isEqualTo(404);
		assertThat(s.get("/api/v1/search/reindex").status()).isEqualTo(403);
	}
}
