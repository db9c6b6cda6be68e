package org.alliancehub.search.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.Reindexing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node is not ready (its health and readiness probe answer "out of service") until its search index holds what
 * was written before it became ready: on a first start the demo content was searchable only a second or more after
 * health said UP (stop 26), and a node back from a pause served searches from an index missing what it missed.
 */
class IndexReadinessIntegrationTests extends IntegrationTest {

	@Autowired
	SearchIndex index;

	@Autowired
	SearchFeed feed;

	@Autowired
	FeedFollower follower;

	@Autowired
	Indexer indexer;

	@Autowired
	IndexDocuments documents;

	@Autowired
	org.alliancehub.platform.DatabaseNotifications notifications;

	@Autowired
	javax.sql.DataSource dataSource;

	long publish(TestClient admin, String slug, String title) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", "<p>" + title + "</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of()))
			.json()
			.get("id")
			.asLong();
	}

	boolean finds(String slug, String q, long id) {
		var r = client().get("/api/v1/search?alliance=" + slug + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		return r.json().get("items").valueStream().anyMatch(h -> h.get("id").asLong() == id);
	}

	@Autowired
	org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups groups;

	@Test
	void theNodesHealthAndItsReadinessProbeAskWhetherTheIndexCaughtUp() {
		assertThat(groups.getPrimary().isMember("searchCaughtUp")).isTrue();
		assertThat(groups.get("readiness").isMember("searchCaughtUp")).isTrue();
		assertThat(groups.get("liveness").isMember("searchCaughtUp")).isFalse();
	}

	@Test
	void aNodeIsReadyOnlyOnceItsIndexHoldsWhatWasWrittenBeforeAndStaysReadyAfter() {
		TestClient admin = admin();
		String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "就绪测试联盟" + slug));
		IndexReadiness readiness = new IndexReadiness(index, feed, indexer);
		assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		follower.stop();
		try {
			// written while this node's follower does not read, as before a node's start
			long id = publish(admin, slug, "就绪之前写入的资讯");
			readiness.ready();
			var health = readiness.health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat((Long) health.getDetails().get("behind")).isPositive();
			assertThat(finds(slug, "就绪之前写入的资讯", id)).isFalse();
			follower.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> readiness.health().getStatus().equals(Status.UP));
			// ready means searchable
			assertThat(finds(slug, "就绪之前写入的资讯", id)).isTrue();
			// a follower behind later changes is normal work: the node stays ready
			follower.stop();
			publish(admin, slug, "就绪之后写入的资讯");
			assertThat(index.position()).isLessThan(feed.head());
			assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			if (!follower.isRunning()) {
				follower.start();
			}
		}
	}

	@Test
	void aNodeWhoseIndexIsEmptyOverAFilledDatabaseIsReadyOnlyOnceTheRebuildEnds(@TempDir Path data) throws Exception {
		admin();
		SearchIndex empty = new SearchIndex(
				new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		try {
			List<Runnable> held = new ArrayList<>();
			Indexer fresh = new Indexer(empty, documents, held::add, feed);
			fresh.afterSingletonsInstantiated();
			IndexReadiness readiness = new IndexReadiness(empty, feed, fresh);
			fresh.rebuildWhenEmpty();
			readiness.ready();
			assertThat(held).hasSize(1);
			assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(readiness.health().getDetails()).containsKey("reason");
			// a follower of its own brings the empty index's position up to the feed; without the rebuild's end
			// that is not enough (the feed may have been pruned of what the index never read)
			new FeedFollower(feed, empty, documents, notifications,
					new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"),
					dataSource).catchUp();
			assertThat(empty.position()).isGreaterThanOrEqualTo(feed.head());
			assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			held.get(0).run();
			assertThat(fresh.status().state()).isEqualTo(Reindexing.State.DONE);
			assertThat(empty.documents()).isPositive();
			assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			empty.destroy();
		}
	}
}
