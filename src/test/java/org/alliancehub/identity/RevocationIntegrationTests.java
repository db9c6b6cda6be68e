package org.alliancehub.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access can be taken back: roles and disabling take effect on the next request, a password change ends
 * every session and token of the user, a token can be revoked; each is in the audit log.
 */
class RevocationIntegrationTests extends IntegrationTest {

	private static final String SLUG = "huanbao-zhuangbei";

	record Account(long id, String username, String password) {
	}

	@Test
	void aRoleTakenAwayEndsTheAccessOfASignedInSessionOnItsNextRequest() {
		Account user = newSecretariat();
		FormSession session = FormSession.signIn(port, user.username(), user.password());
		assertThat(session.get("/admin/a/" + SLUG + "/articles").statusCode()).isEqualTo(200);
		TestClient token = client().login(user.username(), user.password());
		assertThat(token.get("/api/v1/audit?size=1").status()).isEqualTo(200);

		var r = admin().put("/api/v1/users/" + user.id() + "/roles", Map.of("roles", List.of()));
		assertThat(r.status()).as(r.body()).isEqualTo(200);

		assertThat(session.get("/admin/a/" + SLUG + "/articles").statusCode()).isIn(403, 404);
		assertThat(token.get("/api/v1/audit?size=1").status()).isEqualTo(403);
	}

	@Test
	void aDisabledUserLosesSessionsAndTokensAndCannotSignIn() {
		Account user = newSecretariat();
		FormSession session = FormSession.signIn(port, user.username(), user.password());
		TestClient token = client().login(user.username(), user.password());

		var disabled = admin().patch("/api/v1/users/" + user.id(), Map.of("enabled", false));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

		assertSignedOut(session.get("/admin/"));
		assertThat(token.get("/api/v1/alliances").status()).isEqualTo(401);
		assertThat(client().post("/api/v1/auth/token", Map.of("username", user.username(), "password", user.password()))
			.status()).isEqualTo(401);

		assertThat(admin().patch("/api/v1/users/" + user.id(), Map.of("enabled", true)).status()).isEqualTo(200);
		assertThat(client().login(user.username(), user.password()).get("/api/v1/audit?size=1").status()).isEqualTo(200);
		assertAudited("user.disabled", user);
		assertAudited("user.enabled", user);
	}

	@Test
	void onlyTheAdministratorDisablesUsersAndNeverThemselves() {
		Account user = newSecretariat();
		TestClient secretariat = client().login(user.username(), user.password());
		assertThat(secretariat.patch("/api/v1/users/" + user.id(), Map.of("enabled", false)).status()).isEqualTo(403);
		assertThat(client().patch("/api/v1/users/" + user.id(), Map.of("enabled", false)).status()).isEqualTo(401);
		long adminId = admin().get("/api/v1/users?size=100").json().get("items").valueStream()
			.filter(u -> u.get("username").asString().equals("admin")).findFirst().orElseThrow().get("id").asLong();
		var self = admin().patch("/api/v1/users/" + adminId, Map.of("enabled", false));
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.invalidFields()).containsExactly("enabled");
	}

	@Test
	void aPasswordChangedThroughTheApiEndsEverySessionAndTokenOfTheUser() {
		Account user = newSecretariat();
		FormSession session = FormSession.signIn(port, user.username(), user.password());
		TestClient first = client().login(user.username(), user.password());
		TestClient second = client().login(user.username(), user.password());

		var wrong = first.put("/api/v1/users/me/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "a-new-password-1"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.invalidFields()).containsExactly("currentPassword");
		assertThat(first.put("/api/v1/users/me/password",
				Map.of("currentPassword", user.password(), "newPassword", "short")).status()).isEqualTo(400);

		var changed = first.put("/api/v1/users/me/password",
				Map.of("currentPassword", user.password(), "newPassword", "a-new-password-1"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);

		assertThat(first.get("/api/v1/alliances").status()).isEqualTo(401);
		assertThat(second.get("/api/v1/alliances").status()).isEqualTo(401);
		assertSignedOut(session.get("/admin/"));
		assertThat(client().post("/api/v1/auth/token", Map.of("username", user.username(), "password", user.password()))
			.status()).isEqualTo(401);
		assertThat(client().login(user.username(), "a-new-password-1").get("/api/v1/audit?size=1").status())
			.isEqualTo(200);
		assertThat(client().put("/api/v1/users/me/password",
				Map.of("currentPassword", "x", "newPassword", "a-new-password-2")).status()).isEqualTo(401);
		assertAudited("user.password-changed", user);
	}

	@Test
	void aPasswordChangedWithTheFormSignsTheUserOutOfEverySession() {
		Account user = newSecretariat();
		FormSession here = FormSession.signIn(port, user.username(), user.password());
		FormSession elsewhere = FormSession.signIn(port, user.username(), user.password());
		TestClient token = client().login(user.username(), user.password());

		assertThat(here.get("/admin/password").body()).contains("name=\"currentPassword\"");
		var wrong = here.post("/admin/password", "/admin/password", "currentPassword=nope&newPassword=a-new-password-3");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("当前密码不正确");
		assertThat(here.get("/admin/").statusCode()).as("a wrong current password changes nothing").isEqualTo(200);

		var changed = here.post("/admin/password", "/admin/password",
				"currentPassword=" + user.password() + "&newPassword=a-new-password-3");
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/login?changed");

		assertSignedOut(here.get("/admin/"));
		assertSignedOut(elsewhere.get("/admin/"));
		assertThat(token.get("/api/v1/alliances").status()).isEqualTo(401);
		assertThat(FormSession.signIn(port, user.username(), "a-new-password-3").get("/admin/").statusCode())
			.isEqualTo(200);
	}

	@Test
	void theFormNeedsItsCsrfToken() {
		Account user = newSecretariat();
		FormSession session = FormSession.signIn(port, user.username(), user.password());
		var forged = session.post("/admin/password",
				Map.of("currentPassword", user.password(), "newPassword", "a-new-password-4"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(session.get("/admin/").statusCode()).isEqualTo(200);
	}

	@Test
	void aRevokedTokenIsRefusedWhileTheUsersOtherTokensWork() {
		Account user = newSecretariat();
		TestClient revoked = client().login(user.username(), user.password());
		TestClient other = client().login(user.username(), user.password());
		assertThat(revoked.delete("/api/v1/auth/token").status()).isEqualTo(204);
		assertThat(revoked.get("/api/v1/alliances").status()).isEqualTo(401);
		assertThat(revoked.delete("/api/v1/auth/token").status()).isEqualTo(401);
		assertThat(other.get("/api/v1/audit?size=1").status()).isEqualTo(200);
		assertThat(client().delete("/api/v1/auth/token").status()).isEqualTo(401);
		assertAudited("user.token-revoked", user);
	}

	private static void assertSignedOut(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	private void assertAudited(String action, Account user) {
		var entries = admin().get("/api/v1/audit?size=100").json().get("items");
		assertThat(entries.valueStream()
			.anyMatch(e -> e.get("action").asString().equals(action)
					&& e.get("subject").asString().equals("user:" + user.username())))
			.as("audit entry %s for %s", action, user.username())
			.isTrue();
	}

	private Account newSecretariat() {
		String username = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "password-" + username;
		var r = admin().post("/api/v1/users", Map.of("username", username, "displayName", "测试用户", "password", password,
				"roles", List.of(Map.of("role", "SECRETARIAT", "alliance", SLUG))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return new Account(r.json().get("id").asLong(), username, password);
	}
}
