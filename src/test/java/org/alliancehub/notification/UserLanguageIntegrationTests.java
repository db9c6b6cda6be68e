package org.alliancehub.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A language per user: chosen in the language switch while signed in or on the notification settings page, kept
 * with the user, and the language every e-mail to the user is written in.
 */
class UserLanguageIntegrationTests extends IntegrationTest {

	@Autowired
	Notifications notifications;

	@Autowired
	Users users;

	record Setup(String slug, String secretariat, long organization, String representative) {
	}

	/** An alliance with a member organisation, its secretariat and the organisation's representative. */
	Setup alliance() {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String slug = "lang-" + tag;
		long org = admin.post("/api/v1/organizations", Map.of("name", "语言单位" + tag, "type", "ENTERPRISE", "region", "河北省"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "语言联盟" + slug)).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER")).status())
			.isEqualTo(201);
		String secretariat = "lgs" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "语言秘书处", "email",
				secretariat + "@example.org", "password", "password-" + secretariat, "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug)))).status()).isEqualTo(201);
		String rep = "lgr" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "语言代表", "email",
				rep + "@example.org", "password", "password-" + rep, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status()).isEqualTo(201);
		return new Setup(slug, secretariat, org, rep);
	}

	FormSession signIn(String username) {
		return FormSession.signIn(port, username, "password-" + username);
	}

	@Test
	void aUserWhoChoseEnglishGetsTheNotificationMailInEnglishAndOneWhoChoseTraditionalTheDigestInTraditional()
			throws Exception {
		Setup s = alliance();
		FormSession sec = signIn(s.secretariat());
		// the language switch while signed in
		assertThat(sec.get("/admin/notifications/settings?lang=en").body()).contains("<html lang=\"en\"");
		assertThat(sec.post("/admin/notifications/settings", "/admin/notifications/settings", "mode-survey=IMMEDIATE")
			.statusCode()).isEqualTo(302);
		// the explicit choice on the settings page
		FormSession rep = signIn(s.representative());
		assertThat(rep.get("/admin/notifications/settings").body()).contains("name=\"language\"");
		assertThat(rep.post("/admin/notifications/settings", "/admin/notifications/settings",
				"mode-survey=DAILY&language=zh-TW").statusCode()).isEqualTo(302);
		assertThat(rep.get("/admin/notifications/settings").body()).containsPattern("value=\"zh-TW\"[^>]*selected");
		String title = "语言调查" + s.slug();
		WorkbenchIntegrationTests.survey(client().login(s.secretariat(), "password-" + s.secretariat()), s.slug(), title);

		notifications.sweep();
		List<MimeMessage> english = WorkbenchIntegrationTests.mailTo(s.secretariat() + "@example.org");
		assertThat(english).hasSize(1);
		assertThat(english.get(0).getSubject()).isEqualTo("AllianceHub: 1 new pieces of waiting work");
		assertThat(english.get(0).getHeader("Content-Language", null)).isEqualTo("en");
		assertThat(plainText(english.get(0))).contains("Hello 语言秘书处, this work is waiting for you.", title,
				"Change your notification settings here:");

		notifications.digest();
		List<MimeMessage> traditional = WorkbenchIntegrationTests.mailTo(s.representative() + "@example.org");
		assertThat(traditional).hasSize(1);
		// the 繁體 bundle's subject, converted as a whole as the 繁體 pages are (OpenCC writes 平臺 for 平台)
		assertThat(traditional.get(0).getSubject()).startsWith("聯盟協同平").endsWith("每日彙總：1 項待辦工作");
		assertThat(traditional.get(0).getHeader("Content-Language", null)).isEqualTo("zh-TW");
		String text = plainText(traditional.get(0));
		// the interface in the 繁體 bundle, the titles typed in 简体 converted as the 繁體 pages convert them
		assertThat(text).contains("您好：以下工作等待您處理。", ZhConverterUtil.toTraditional(title), "通知設定")
			.doesNotContain("处理", "设置");
	}

	@Test
	void aLanguageChosenWhileSignedInIsRememberedInTheNextSessionInAnotherBrowser() {
		Setup s = alliance();
		FormSession first = signIn(s.secretariat());
		assertThat(first.get("/admin/password").body()).contains("<html lang=\"zh-CN\"");
		assertThat(first.get("/admin/password?lang=en").body()).contains("<html lang=\"en\"");
		// a new browser: no language cookie; signing in brings the user's choice
		FormSession second = signIn(s.secretariat());
		assertThat(second.get("/admin/password").body()).contains("<html lang=\"en\"");
		assertThat(users.localesOf(List.of(s.secretariat().toUpperCase() + "@example.org")))
			.containsValue(java.util.Locale.ENGLISH);
		// and another choice replaces it
		assertThat(second.get("/admin/password?lang=zh-TW").body()).contains("<html lang=\"zh-TW\"");
		assertThat(signIn(s.secretariat()).get("/admin/password").body()).contains("<html lang=\"zh-TW\"");
		// an address no user has keeps the alliance network's Simplified Chinese
		assertThat(users.localesOf(List.of("nobody-" + s.slug() + "@example.org"))).isEmpty();
	}

	@Test
	void aSurveyReminderReachesARepresentativeInTheLanguageItChose() throws Exception {
		Setup s = alliance();
		assertThat(signIn(s.representative()).get("/admin/password?lang=en").body()).contains("<html lang=\"en\"");
		TestClient sec = client().login(s.secretariat(), "password-" + s.secretariat());
		String title = "语言提醒调查" + s.slug();
		long survey = WorkbenchIntegrationTests.survey(sec, s.slug(), title);
		assertThat(sec.post("/api/v1/surveys/" + survey + "/reminders", Map.of()).status()).isEqualTo(200);
		List<MimeMessage> mails = WorkbenchIntegrationTests.mailTo(s.representative() + "@example.org");
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Reminder: " + title);
		assertThat(plainText(mails.get(0))).startsWith("Dear 语言代表,");
	}
}
