package org.alliancehub.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator disables and enables users on 用户管理 (issue 9, finding 9, in the back office): the
 * disabled user's next request, in a browser session or with a token, is refused at once.
 */
class UserEnablingPagesIntegrationTests extends IntegrationTest {

	@Test
	void theAdministratorDisablesAUserInTheBrowserAndItsNextRequestIsRefused() {
		TestClient admin = admin();
		String slug = "ue-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "停用测试联盟" + slug)).status()).isEqualTo(201);
		// a name that sorts first, so that the user is on the page's first hundred
		String username = "0ue-" + UUID.randomUUID().toString().substring(0, 8);
		var created = admin.post("/api/v1/users", Map.of("username", username, "displayName", "将被停用的秘书处",
				"password", "password-" + username, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		FormSession user = FormSession.signIn(port, username, "password-" + username);
		TestClient token = client().login(username, "password-" + username);
		assertThat(user.get("/admin/a/" + slug + "/members").statusCode()).isEqualTo(200);

		FormSession administrator = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		String page = administrator.get("/admin/users").body();
		assertThat(page).contains("data-user=\"" + id + "\" data-enabled=\"true\"")
			.contains("action=\"/admin/users/" + id + "/enabled\"");
		var disabled = administrator.post("/admin/users", "/admin/users/" + id + "/enabled", "enabled=false");
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(disabled.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");

		var next = user.get("/admin/a/" + slug + "/members");
		assertThat(next.statusCode()).as("the session is over: back to sign-in").isEqualTo(302);
		assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/login");
		assertThat(token.get("/api/v1/users/" + id).status()).as("the token is revoked").isEqualTo(401);
		assertThat(FormSession.anonymous(port).login(username, "password-" + username).headers().firstValue("Location")
			.orElseThrow()).as("sign-in refused").contains("error");
		assertThat(administrator.get("/admin/users").body()).contains("data-user=\"" + id + "\" data-enabled=\"false\"");
		assertThat(admin.get("/api/v1/users/" + id).json().get("enabled").asBoolean()).isFalse();

		var enabled = administrator.post("/admin/users", "/admin/users/" + id + "/enabled", "enabled=true");
		assertThat(enabled.statusCode()).isEqualTo(302);
		assertThat(FormSession.signIn(port, username, "password-" + username).get("/admin/a/" + slug + "/members")
			.statusCode()).as("enabled again, the user signs in").isEqualTo(200);
	}

	@Test
	void noButtonDisablesTheAdministratorsOwnAccountAndNobodyElseMayPressOne() {
		FormSession administrator = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		Matcher own = Pattern.compile("data-user=\"(\\d+)\" data-enabled=\"true\"><td>admin</td>")
			.matcher(administrator.get("/admin/users").body());
		assertThat(own.find()).as("the administrator's own row").isTrue();
		long adminId = Long.parseLong(own.group(1));
		assertThat(administrator.get("/admin/users").body()).doesNotContain("action=\"/admin/users/" + adminId + "/enabled\"");
		var refused = administrator.post("/admin/users", "/admin/users/" + adminId + "/enabled", "enabled=false");
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=");
		assertThat(administrator.get("/admin/users").statusCode()).as("still signed in").isEqualTo(200);

		TestClient admin = admin();
		String slug = "uo-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "他人联盟" + slug)).status()).isEqualTo(201);
		var other = admin.post("/api/v1/users", Map.of("username", "0uo-" + UUID.randomUUID().toString().substring(0, 8),
				"displayName", "秘书处同事", "password", "password-other-user", "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		long otherId = other.json().get("id").asLong();
		FormSession secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(secretariat.post("/admin/", "/admin/users/" + otherId + "/enabled", "enabled=false").statusCode())
			.isEqualTo(403);
		assertThat(admin.get("/api/v1/users/" + otherId).json().get("enabled").asBoolean()).isTrue();
	}
}
