package org.alliancehub;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The back office through its forms, as a browser uses it: session cookie, CSRF token, login throttling. */
class BackOfficeIntegrationTests extends IntegrationTest {

	private String secretariat(String slug) {
		String username = "bo-" + UUID.randomUUID().toString().substring(0, 8);
		admin().post("/api/v1/users", Map.of("username", username, "displayName", "秘书处", "password", "back-office-password",
				"roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		return username;
	}

	private String alliance() {
		String slug = "bo-" + UUID.randomUUID().toString().substring(0, 8);
		admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "后台测试联盟" + slug));
		return slug;
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() throws Exception {
		FormSession b = FormSession.anonymous(port);
		assertThat(b.post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
		assertThat(b.login("admin", ADMIN_PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
		String slug = alliance();
		assertThat(b.post("/admin/a/" + slug + "/profile", Map.of("name", "无令牌", "version", "0")).statusCode())
			.isEqualTo(403);
		assertThat(client().get("/api/v1/alliances/" + slug).json().get("name").asString()).startsWith("后台测试联盟");
	}

	@Test
	void secretariatEditsItsProfileButCannotOpenAnotherAlliancesBackOffice() throws Exception {
		String mine = alliance();
		String other = alliance();
		FormSession b = FormSession.anonymous(port);
		b.login(secretariat(mine), "back-office-password");
		assertThat(b.get("/admin/").body()).contains("/admin/a/" + mine + "/articles").doesNotContain(other);
		String token = b.csrf("/admin/a/" + mine + "/profile");
		var saved = b.post("/admin/a/" + mine + "/profile", Map.of("_csrf", token, "name", "改名后的联盟", "about",
				"<p>关于我们<script>alert(1)</script></p>", "postcode", "050000", "version", "0"));
		assertThat(saved.statusCode()).isEqualTo(302);
		var alliance = client().get("/api/v1/alliances/" + mine).json();
		assertThat(alliance.get("name").asString()).isEqualTo("改名后的联盟");
		assertThat(alliance.get("about").asString()).isEqualTo("<p>关于我们</p>");
		assertThat(b.get("/admin/a/" + other + "/articles").statusCode()).isEqualTo(403);
		assertThat(b.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(FormSession.anonymous(port).get("/admin/").statusCode()).isEqualTo(302);
	}

	@Test
	void repeatedFailedSignInsAreRefusedWith429() throws Exception {
		FormSession b = FormSession.anonymous(port);
		String username = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 5; i++) {
			assertThat(b.login(username, "wrong-" + i).headers().firstValue("Location").orElseThrow()).contains("/login?error");
		}
		var refused = b.login(username, "wrong-again");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void secretariatEditsAMemberEnterpriseAndItsProducts() throws Exception {
		String slug = alliance();
		long org = admin().post("/api/v1/organizations", Map.of("name", "后台泵业" + slug, "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin().post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "COUNCIL"));
		long outsider = admin().post("/api/v1/organizations", Map.of("name", "非成员" + slug, "type", "ENTERPRISE"))
			.json().get("id").asLong();
		FormSession b = FormSession.anonymous(port);
		b.login(secretariat(slug), "back-office-password");
		String token = b.csrf("/admin/a/" + slug + "/organizations/" + org);
		var saved = b.post("/admin/a/" + slug + "/organizations/" + org, Map.of("_csrf", token, "name", "后台泵业" + slug,
				"type", "ENTERPRISE", "products", "磁力泵 | 无泄漏\n排污泵\n", "version", "0"));
		assertThat(saved.statusCode()).isEqualTo(302);
		var products = client().get("/api/v1/organizations/" + org).json().get("products");
		assertThat(products.size()).isEqualTo(2);
		assertThat(products.get(0).get("description").asString()).isEqualTo("无泄漏");
		assertThat(b.get("/admin/a/" + slug + "/organizations/" + outsider).statusCode()).isEqualTo(403);
	}

	@Test
	void secretariatPublishesBriefingsEventsAndLinksThroughTheForms() throws Exception {
		String slug = alliance();
		FormSession b = FormSession.anonymous(port);
		b.login(secretariat(slug), "back-office-password");
		String token = b.csrf("/admin/a/" + slug + "/bulletins");
		b.post("/admin/a/" + slug + "/briefings", Map.of("_csrf", token, "issueNumber", "143", "title", "联盟简报",
				"publishedOn", "2023-03-01", "body", "<p>本期要目</p>"));
		b.post("/admin/a/" + slug + "/briefings", Map.of("_csrf", token, "issueNumber", "144", "title", "联盟简报（第144期）",
				"publishedOn", "2023-04-01", "body", "<p>本期要目</p>"));
		b.post("/admin/a/" + slug + "/events", Map.of("_csrf", token, "title", "渣浆泵技术交流会", "startsOn", "2023-06-15",
				"location", "石家庄"));
		b.post("/admin/a/" + slug + "/events", Map.of("_csrf", token, "title", "渣浆泵一日研讨会", "startsOn", "2023-07-20",
				"endsOn", "2023-07-20", "location", "邢台"));
		b.post("/admin/a/" + slug + "/events", Map.of("_csrf", token, "title", "渣浆泵展览会", "startsOn", "2023-09-01",
				"endsOn", "2023-09-03", "location", "北京"));
		b.post("/admin/a/" + slug + "/links", Map.of("_csrf", token, "name", "科学技术部", "url", "https://www.most.gov.cn"));
		var refused = b.post("/admin/a/" + slug + "/links", Map.of("_csrf", token, "name", "坏链接", "url", "javascript:alert(1)"));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=");
		// the issue before the title, unless the title names it already
		assertThat(client().get("/a/" + slug + "/briefings").body()).contains("第143期 联盟简报", ">联盟简报（第144期）<")
			.doesNotContain("第144期 联盟简报（第144期）");
		assertThat(client().get("/a/" + slug + "/events").body()).contains("渣浆泵技术交流会", "石家庄")
			// a day's event shows its day once, a longer one its first and last day
			.contains("<time>2023年7月20日</time> · 邢台", "<time>2023年9月1日</time> – <time>2023年9月3日</time> · 北京")
			.doesNotContain("<time>2023年7月20日</time> – <time>2023年7月20日</time>");
		assertThat(client().get("/a/" + slug + "/links").body()).contains("https://www.most.gov.cn").doesNotContain("javascript:");
	}
}
