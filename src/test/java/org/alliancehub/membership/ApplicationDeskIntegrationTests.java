package org.alliancehub.membership;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back-office page where a secretariat decides an application to join: the workbench's item links to it,
 * approving admits the organisation, rejecting needs a reason, and the item is gone once decided.
 */
class ApplicationDeskIntegrationTests extends IntegrationTest {

	record Setup(String slug, String secretariat, long organization, String orgName, long application) {
	}

	Setup applied() {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String slug = "ad-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "申请联盟" + tag)).status()).isEqualTo(201);
		String orgName = "申请单位" + tag;
		long org = admin.post("/api/v1/organizations", Map.of("name", orgName, "type", "ENTERPRISE", "region", "河北省"))
			.json().get("id").asLong();
		String sec = "ads" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", sec, "displayName", "申请秘书处", "email", sec + "@example.org",
				"password", "password-" + sec, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug)))).status())
			.isEqualTo(201);
		String rep = "adr" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "申请代表", "email", rep + "@example.org",
				"password", "password-" + rep, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status())
			.isEqualTo(201);
		var applied = client().login(rep, "password-" + rep)
			.post("/api/v1/alliances/" + slug + "/applications", Map.of("organizationId", org, "statement", "我单位申请加入联盟。"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		return new Setup(slug, sec, org, orgName, applied.json().get("id").asLong());
	}

	static String local(java.net.http.HttpResponse<String> redirect) {
		return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	FormSession signIn(String username) {
		return FormSession.signIn(port, username, "password-" + username);
	}

	@Test
	void theWorkbenchItemLeadsToTheApplicationAndDisappearsOnceItIsRejectedWithAReason() {
		Setup s = applied();
		FormSession sec = signIn(s.secretariat());
		String page = "/admin/a/" + s.slug() + "/applications/" + s.application();
		assertThat(sec.get("/admin/").body()).contains(s.orgName() + " 的入会申请待决定", "href=\"" + page + "\"");
		assertThat(sec.get(page).body()).contains(s.orgName(), "我单位申请加入联盟。", "id=\"reject-application\"");

		// rejecting without a reason is refused, and the page says why
		var blank = sec.post(page, page, "decision=reject&reason=");
		assertThat(blank.statusCode()).isEqualTo(302);
		assertThat(sec.get(local(blank)).body()).contains("不予同意时请填写理由。");
		assertThat(sec.get("/admin/").body()).contains(s.orgName() + " 的入会申请待决定");

		// a form without the CSRF token does nothing
		assertThat(sec.post(page, Map.of("decision", "reject", "reason", "无令牌")).statusCode()).isEqualTo(403);

		var rejected = sec.post(page, page, "decision=reject&reason=" + java.net.URLEncoder.encode("经营范围与联盟不符",
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(rejected.statusCode()).isEqualTo(302);
		assertThat(sec.get(page).body()).contains("data-status=\"REJECTED\"", "经营范围与联盟不符")
			.doesNotContain("id=\"reject-application\"");
		assertThat(sec.get("/admin/").body()).doesNotContain(s.orgName() + " 的入会申请待决定");
		assertThat(client().get("/api/v1/alliances/" + s.slug() + "/members/" + s.organization()).status()).isEqualTo(404);

		// deciding it again is refused with a message, not an error page
		var again = sec.post(page, page, "decision=approve&reason=");
		assertThat(sec.get(local(again)).body()).contains("该申请已经决定，不能再次决定。");
		assertThat(client().get("/api/v1/alliances/" + s.slug() + "/members/" + s.organization()).status()).isEqualTo(404);
	}

	@Test
	void approvingTheApplicationAdmitsTheOrganisationAndTheItemIsGone() {
		Setup s = applied();
		FormSession sec = signIn(s.secretariat());
		String page = "/admin/a/" + s.slug() + "/applications/" + s.application();
		assertThat(sec.post(page, page, "decision=approve&reason=").statusCode()).isEqualTo(302);
		assertThat(sec.get(page).body()).contains("data-status=\"APPROVED\"");
		assertThat(admin().get("/api/v1/alliances/" + s.slug() + "/members/" + s.organization()).status()).isEqualTo(200);
		assertThat(sec.get("/admin/").body()).doesNotContain(s.orgName() + " 的入会申请待决定");
	}

	@Test
	void anotherAlliancesSecretariatDoesNotFindTheApplication() {
		Setup s = applied();
		Setup other = applied();
		FormSession sec = signIn(other.secretariat());
		// its own back office, someone else's application: not found
		assertThat(sec.get("/admin/a/" + other.slug() + "/applications/" + s.application()).statusCode()).isEqualTo(404);
		assertThat(sec.get("/admin/a/" + s.slug() + "/applications/" + s.application()).statusCode()).isIn(403, 404);
		assertThat(sec.post("/admin/a/" + other.slug() + "/applications/" + other.application(),
				"/admin/a/" + other.slug() + "/applications/" + s.application(), "decision=approve&reason=").statusCode())
			.isEqualTo(404);
		assertThat(admin().get("/api/v1/alliances/" + s.slug() + "/members/" + s.organization()).status()).isEqualTo(404);
	}
}
