package org.alliancehub.notification;

import java.util.ArrayList;
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
 * A menu that fits the person: the network administrator, a secretariat and a representative each see their
 * own set of back-office entries, and every entry they see opens (no link that answers 403 or 404).
 */
class BackOfficeMenuIntegrationTests extends IntegrationTest {

	private static final Pattern NAV = Pattern.compile("<nav class=\"admin-nav panel\">(.*?)</nav>", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\"( id=\"[^\"]*\")?( target=\"_blank\")?");

	/** The back-office links of the page's navigation (not those that open the public site beside it). */
	static List<String> menu(String page) {
		Matcher nav = NAV.matcher(page);
		assertThat(nav.find()).as("the back office's navigation").isTrue();
		List<String> links = new ArrayList<>();
		Matcher m = LINK.matcher(nav.group(1));
		while (m.find()) {
			if (m.group(3) == null && !m.group(1).startsWith("/swagger-ui")) {
				links.add(m.group(1));
			}
		}
		return links;
	}

	/** Every entry of the menu opens for this user. */
	static void everyEntryOpens(FormSession user, List<String> menu) {
		for (String link : menu) {
			assertThat(user.get(link).statusCode()).as(link).isEqualTo(200);
		}
	}

	@Test
	void eachRoleSeesItsOwnMenuAndEveryEntryOpens() {
		TestClient admin = admin();
		String slug = "menu-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "菜单测试联盟" + slug)).status()).isEqualTo(201);
		long org = admin.post("/api/v1/organizations", Map.of("name", "菜单单位" + slug, "type", "ENTERPRISE")).json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));

		FormSession administrator = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		List<String> adminMenu = menu(administrator.get("/admin/").body());
		assertThat(adminMenu).contains("/admin/", "/admin/notifications", "/admin/alliances", "/admin/users", "/admin/search",
				"/admin/password");
		everyEntryOpens(administrator, adminMenu);

		FormSession secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		List<String> secretariatMenu = menu(secretariat.get("/admin/").body());
		assertThat(secretariatMenu).contains("/admin/", "/admin/notifications", "/admin/password")
			.doesNotContain("/admin/alliances", "/admin/users", "/admin/search");
		everyEntryOpens(secretariat, secretariatMenu);
		List<String> allianceMenu = menu(secretariat.get("/admin/a/" + slug + "/profile").body());
		assertThat(allianceMenu).contains("/admin/a/" + slug + "/profile", "/admin/a/" + slug + "/articles",
				"/admin/a/" + slug + "/members", "/admin/a/" + slug + "/surveys");
		everyEntryOpens(secretariat, allianceMenu);

		FormSession representative = FormSession.signIn(admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", org)));
		List<String> representativeMenu = menu(representative.get("/admin/").body());
		assertThat(representativeMenu).contains("/admin/", "/admin/notifications", "/admin/password")
			.doesNotContain("/admin/alliances", "/admin/users", "/admin/search", "/admin/search/synonyms", "/admin/audit")
			.noneMatch(link -> link.startsWith("/admin/a/"));
		everyEntryOpens(representative, representativeMenu);
		assertThat(representativeMenu).isNotEqualTo(secretariatMenu);
		assertThat(secretariatMenu).isNotEqualTo(adminMenu);
	}
}
