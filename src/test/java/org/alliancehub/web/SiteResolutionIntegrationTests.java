package org.alliancehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * A request resolves its {@code {slug}} into the alliance and its frame once (web.Sites): the handler's
 * argument, the access check and the layout share it. And the back office shows each user only the entries
 * the modules say they may use.
 */
class SiteResolutionIntegrationTests extends IntegrationTest {

	@Autowired
	CacheManager caches;

	private String alliance() {
		String slug = "sr-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "解析测试联盟" + slug)).status())
			.isEqualTo(201);
		return slug;
	}

	private FormSession secretariatOf(String slug) throws Exception {
		String username = "sr-" + UUID.randomUUID().toString().substring(0, 8);
		admin().post("/api/v1/users", Map.of("username", username, "displayName", "秘书处", "password",
				"site-resolution-pw", "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		FormSession b = FormSession.anonymous(port);
		b.login(username, "site-resolution-pw");
		return b;
	}

	/** Lookups of alliances by slug that one GET costs (the fewest of three tries: listeners run on other threads). */
	private long slugLookups(FormSession b, String path) throws Exception {
		Cache<?, ?> bySlug = (Cache<?, ?>) caches.getCache("alliances-by-slug").getNativeCache();
		assertThat(b.get(path).statusCode()).as(path).isEqualTo(200);
		long fewest = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long before = bySlug.stats().requestCount();
			assertThat(b.get(path).statusCode()).as(path).isEqualTo(200);
			fewest = Math.min(fewest, bySlug.stats().requestCount() - before);
		}
		return fewest;
	}

	@Test
	void aBackOfficePageLooksItsAllianceUpOnceAndTheNetworkOnceForItsFrame() throws Exception {
		String slug = alliance();
		FormSession b = secretariatOf(slug);
		// main looked the slug up three times: the access check, the controller, and the frame
		assertThat(slugLookups(b, "/admin/a/" + slug + "/members")).isEqualTo(2);
		assertThat(slugLookups(b, "/admin/a/" + slug + "/articles")).isEqualTo(2);
	}

	@Test
	void aPublicSitePageLooksItsAllianceUpOnce() throws Exception {
		String slug = alliance();
		// signed in: anonymous views come from the page cache and resolve nothing
		FormSession b = secretariatOf(slug);
		assertThat(slugLookups(b, "/a/" + slug + "/members")).isEqualTo(1);
		assertThat(slugLookups(b, "/a/" + slug + "/about")).isEqualTo(1);
	}

	@Test
	void aSecretariatSeesOnlyTheBackOfficeEntriesItMayUse() throws Exception {
		String slug = alliance();
		FormSession b = secretariatOf(slug);
		String page = b.get("/admin/a/" + slug + "/members").body();
		assertThat(page).contains("href=\"/admin/a/" + slug + "/articles\"", "href=\"/admin/a/" + slug + "/meetings\"",
				"href=\"/admin/a/" + slug + "/surveys\"", "href=\"/admin/search/synonyms\"", "href=\"/admin/audit\"",
				"href=\"/admin/invitations\"", "href=\"/surveys\"");
		assertThat(page).doesNotContain("href=\"/admin/alliances\"", "href=\"/admin/users\"", "href=\"/admin/search\"");
		for (String refused : List.of("/admin/alliances", "/admin/users", "/admin/search")) {
			assertThat(b.get(refused).statusCode()).as(refused).isEqualTo(403);
		}
		FormSession a = FormSession.anonymous(port);
		a.login("admin", ADMIN_PASSWORD);
		assertThat(a.get("/admin/").body()).contains("href=\"/admin/alliances\"", "href=\"/admin/users\"",
				"href=\"/admin/search\"", "href=\"/admin/audit\"");
	}
}
