package org.alliancehub.search.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.search.DocumentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search index follows the durable change feed in PostgreSQL: what any node appends (here: another
 * connection, as another node would) is in this node's index within a second, woken by NOTIFY; the position read
 * is kept with the index, so a node that was not reading catches up when it reads again.
 */
class SearchFeedIntegrationTests extends IntegrationTest {

	@Autowired
	SearchIndex index;

	@Autowired
	SearchFeed feed;

	@Autowired
	FeedFollower follower;

	@Autowired
	DataSource dataSource;

	String slug;

	TestClient admin;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "f-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "变更流测试联盟" + slug));
	}

	long publish(String title) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", "<p>" + title + "</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of()))
			.json()
			.get("id")
			.asLong();
	}

	boolean finds(String q, long id) {
		var r = client().get("/api/v1/search?alliance=" + slug + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		return r.json().get("items").valueStream().anyMatch(h -> h.get("id").asLong() == id);
	}

	/** What another node does when it changes a document: appends its key to the feed and notifies. */
	void appendFromAnotherNode(String key) {
		JdbcTemplate other = new JdbcTemplate(dataSource);
		other.update("insert into search_feed (key) values (?)", key);
		other.queryForList("select pg_notify('search_feed', '')");
	}

	@Test
	void everyIndexedChangeIsAppendedToTheFeedInOrder() {
		long id = publish("变更流记录的资讯甲");
		String key = DocumentType.ARTICLE.name() + ":" + id;
		await().atMost(Duration.ofSeconds(5))
			.until(() -> new JdbcTemplate(dataSource).queryForObject("select count(*) from search_feed where key = ?",
					Long.class, key) > 0);
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		assertThat(finds("变更流记录的资讯甲", id)).isTrue();
	}

	@Test
	void aChangeAppendedByAnotherNodeIsInThisIndexWithinOneSecond() {
		long id = publish("另一节点变更的资讯乙");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("另一节点变更的资讯乙", id));
		String key = DocumentType.ARTICLE.name() + ":" + id;
		// this node's index misses the document, as if the change had been made on another node
		index.write(key, null);
		assertThat(finds("另一节点变更的资讯乙", id)).isFalse();
		long start = System.nanoTime();
		appendFromAnotherNode(key);
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> finds("另一节点变更的资讯乙", id));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void theNotificationOfAnAppendWakesThisNodeWithinOneSecondWithoutThePoll() {
		long id = publish("通知唤醒的资讯戊");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("通知唤醒的资讯戊", id));
		String key = DocumentType.ARTICLE.name() + ":" + id;
		// the follower reads the feed only when notified: its poll comes once a minute
		long poll = follower.pollEvery(60_000);
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
			index.write(key, null);
			assertThat(finds("通知唤醒的资讯戊", id)).isFalse();
			// another node's append: its own transaction on another connection, committed before this returns
			java.util.concurrent.CompletableFuture.runAsync(() -> feed.append(key)).join();
			long start = System.nanoTime();
			await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> finds("通知唤醒的资讯戊", id));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
		finally {
			follower.pollEvery(poll);
		}
	}

	@Test
	void aNodeThatWasNotReadingCatchesUpFromThePositionKeptWithItsIndex() {
		long id = publish("停机期间变更的资讯丙");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("停机期间变更的资讯丙", id));
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		String key = DocumentType.ARTICLE.name() + ":" + id;
		follower.stop();
		try {
			index.write(key, null);
			appendFromAnotherNode(key);
			long appended = feed.head();
			// the position is committed with the index: closing and opening it (a restart) keeps it
			long kept = index.position();
			index.close();
			index.open();
			assertThat(index.position()).isEqualTo(kept).isLessThan(appended);
			assertThat(finds("停机期间变更的资讯丙", id)).as("not read while the node is down").isFalse();
		}
		finally {
			follower.start();
		}
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> finds("停机期间变更的资讯丙", id));
		await().atMost(Duration.ofSeconds(1)).until(() -> index.position() >= feed.head());
	}

	@Test
	void pruningKeepsWhatANodeSeenLatelyHasNotRead() {
		long id = publish("修剪测试资讯丁");
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head() && feed.head() > 0);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long head = feed.head();
		String lagging = "lagging-" + UUID.randomUUID();
		feed.report(lagging, head - 1);
		try {
			feed.prune();
			assertThat(jdbc.queryForObject("select count(*) from search_feed where position = ?", Long.class, head))
				.as("a row the lagging node has not read").isEqualTo(1);
			assertThat(feed.prunedThrough()).isLessThan(head);
		}
		finally {
			jdbc.update("delete from search_feed_readers where node = ?", lagging);
		}
		assertThat(id).isPositive();
	}
}
