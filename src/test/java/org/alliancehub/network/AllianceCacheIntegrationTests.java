package org.alliancehub.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

/** Alliances are read on nearly every page: Spring's cache (Caffeine) keeps them, and a change evicts them. */
class AllianceCacheIntegrationTests extends IntegrationTest {

	@Autowired
	CacheManager caches;

	@Test
	void anAllianceReadOnceIsServedFromTheSpringCacheAndAnEditEvictsIt() {
		TestClient admin = admin();
		String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "缓存联盟" + slug)).status()).isEqualTo(201);
		assertThat(client().get("/api/v1/alliances/" + slug).status()).isEqualTo(200);

		// the caches are Caffeine's with spring.cache.caffeine.spec (a bound and statistics)
		var nativeCache = (com.github.benmanes.caffeine.cache.Cache<?, ?>) caches.getCache("alliances-by-slug").getNativeCache();
		assertThat(nativeCache.policy().eviction().orElseThrow().getMaximum()).isEqualTo(10_000);
		assertThat(nativeCache.policy().isRecordingStats()).isTrue();
		Alliance cached = caches.getCache("alliances-by-slug").get(slug, Alliance.class);
		assertThat(cached).isNotNull();
		assertThat(caches.getCache("alliances-by-id").get(cached.id(), Alliance.class)).isEqualTo(cached);

		var patched = admin.patch("/api/v1/alliances/" + slug, Map.of("name", "改名联盟" + slug));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(client().get("/api/v1/alliances/" + slug).json().get("name").asString()).isEqualTo("改名联盟" + slug);
		assertThat(caches.getCache("alliances-by-slug").get(slug, Alliance.class).name()).isEqualTo("改名联盟" + slug);
	}
}
