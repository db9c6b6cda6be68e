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

	/**
	 * The bound for what should come at once: far below the 60 s poll the tests that need it set, so only the
	 * notification (or a start's own read) can meet it, and loose enough for a whole-suite run on two busy cores. How
	 * soon a change is searchable is the feed bench's figure ({@code bench/feed-bench.sh}), not a test's: a one-second
	 * bound here failed a CI run once.
	 */
	static final Duration SOON = Duration.ofSeconds(10);

	/**
	 * Runs {@code body} while the follower reads the feed only when notified or started (its poll once a minute). The
	 * round that setting the poll wakes is over before the body runs, so a change the body makes is read on its own
	 * notification, not by that round.
	 */
	void withoutThePoll(Runnable body) {
		long poll = follower.pollEvery(60_000);
		try {
			Thread.sleep(5 * FeedFollower.ROUND_MILLIS);
			body.run();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			follower.pollEvery(poll);
		}
	}

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
	void aChangeAppendedByAnotherNodeIsReadHereOnItsNotificationNotThePoll() {
		long id = publish("另一节点变更的资讯乙");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("另一节点变更的资讯乙", id));
		String key = DocumentType.ARTICLE.name() + ":" + id;
		// this node's index misses the document, as if the change had been made on another node
		index.write(key, null);
		assertThat(finds("另一节点变更的资讯乙", id)).isFalse();
		withoutThePoll(() -> {
			appendFromAnotherNode(key);
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("另一节点变更的资讯乙", id));
		});
	}

	@Test
	void aRoundThatFailsToWriteItsChangesReadsThemAgainInTheNextRound() {
		long id = publish("失败之后重读的资讯庚");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("失败之后重读的资讯庚", id));
		String key = DocumentType.ARTICLE.name() + ":" + id;
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		index.write(key, null);
		// a round that reads the change but cannot write it: the index is closed under it (the follower's own
		// rounds wait meanwhile)
		index.close();
		try {
			appendFromAnotherNode(key);
			org.assertj.core.api.Assertions.assertThatThrownBy(follower::catchUp).isInstanceOf(IllegalStateException.class);
		}
		finally {
			index.open();
		}
		// the next round reads it again; before, the position read had moved past it, and only a restart read it
		await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> finds("失败之后重读的资讯庚", id));
	}

	@Test
	void theNotificationOfAnAppendWakesThisNodeWithoutThePoll() {
		long id = publish("通知唤醒的资讯戊");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("通知唤醒的资讯戊", id));
		String key = DocumentType.ARTICLE.name() + ":" + id;
		// the follower reads the feed only when notified: its poll comes once a minute
		withoutThePoll(() -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
			index.write(key, null);
			assertThat(finds("通知唤醒的资讯戊", id)).isFalse();
			// another node's append: its own transaction on another connection, committed before this returns
			java.util.concurrent.CompletableFuture.runAsync(() -> feed.append(key)).join();
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("通知唤醒的资讯戊", id));
		});
	}

	@Test
	void aNodeThatWasNotReadingCatchesUpFromThePositionKeptWithItsIndex() {
		long id = publish("停机期间变更的资讯丙");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("停机期间变更的资讯丙", id));
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		String key = DocumentType.ARTICLE.name() + ":" + id;
		// read at start: the feed's notification comes while this node is not reading, and its poll is a minute
		long poll = follower.pollEvery(60_000);
		try {
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
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("停机期间变更的资讯丙", id));
			await().atMost(SOON).until(() -> index.position() >= feed.head());
		}
		finally {
			follower.pollEvery(poll);
		}
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

	@Test
	void theFollowerKeepsUpWhileEveryPooledConnectionIsTaken() throws Exception {
		long id = publish("连接池占满时的资讯午");
		await().atMost(Duration.ofSeconds(5)).until(() -> indexed(DocumentType.ARTICLE.name() + ":" + id) == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		String key = DocumentType.ARTICLE.name() + ":" + id;
		index.write(key, null);
		// a burst of writers holds every connection of the pool (as 32 writers on a pool of 10 do)
		var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
		List<java.sql.Connection> taken = new java.util.ArrayList<>();
		try {
			takeEveryPooledConnection(taken);
			// another node appends the key (a connection of its own) and notifies
			try (var other = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
				other.createStatement().execute("insert into search_feed (key) values ('" + key + "')");
				other.createStatement().execute("select pg_notify('search_feed', '')");
			}
			withoutThePoll(() -> await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> indexed(key) == 1));
		}
		finally {
			for (var c : taken) {
				c.close();
			}
		}
	}

	/** Takes every connection of the pool into {@code taken} (the caller closes them). */
	void takeEveryPooledConnection(List<java.sql.Connection> taken) throws java.sql.SQLException {
		var pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
		while (pool.getHikariPoolMXBean().getIdleConnections() > 0
				|| pool.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize()) {
			taken.add(pool.getConnection());
		}
	}

	@Autowired
	org.alliancehub.platform.DatabaseNotifications notifications;

	@Test
	void theOtherNodesAreToldOfAnAppendWhileEveryPooledConnectionIsTaken() throws Exception {
		var heard = new java.util.concurrent.atomic.AtomicLong();
		notifications.listen(SearchFeed.CHANNEL, payload -> heard.incrementAndGet());
		List<java.sql.Connection> taken = new java.util.ArrayList<>();
		try {
			// a burst of writers holds every connection of the pool
			takeEveryPooledConnection(taken);
			Thread.sleep(300); // what was announced before is heard
			long before = heard.get();
			// this node appended: its announcer tells the others (before, it queued for a pooled connection)
			follower.announceSoon();
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> heard.get() > before);
		}
		finally {
			for (var c : taken) {
				c.close();
			}
		}
	}

	@Test
	void aStreamOfAppendsIsAnnouncedAtMostOncePerGapNotOncePerAppend() throws Exception {
		var heard = new java.util.concurrent.atomic.AtomicLong();
		notifications.listen(SearchFeed.CHANNEL, payload -> heard.incrementAndGet());
		Thread.sleep(300); // what was announced before is heard
		long before = heard.get();
		long started = System.nanoTime();
		// 60 appends 5 ms apart: each notifying commit is serialized by PostgreSQL and wakes every node's follower
		for (int i = 0; i < 60; i++) {
			follower.announceSoon();
			Thread.sleep(5);
		}
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> heard.get() > before);
		Thread.sleep(2 * org.alliancehub.platform.DatabaseNotifications.SOON_MILLIS);
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		long announced = heard.get() - before;
		// at most one per gap over the time the appends and the last announcement took (announced before: dozens)
		assertThat(announced).isPositive().isLessThanOrEqualTo(elapsed / org.alliancehub.platform.DatabaseNotifications.SOON_MILLIS + 2);
	}

	@Test
	void theFollowersConnectionOfItsOwnReadsAndSettlesButRefusesWrites() throws Exception {
		try (var own = follower.openOwn()) {
			// reads, and the settling lock of the feed (a transaction of its own)
			try (var s = own.createStatement()) {
				assertThat(s.executeQuery("select count(*) from search_feed").next()).isTrue();
			}
			own.setAutoCommit(false);
			try (var s = own.createStatement()) {
				s.execute("set local lock_timeout = '1s'");
				s.executeQuery("select pg_advisory_xact_lock(1234567)").close();
			}
			own.commit();
			own.setAutoCommit(true);
			// a statement of another module that writes, run on the follower's thread, fails rather than writing there
			String key = "ARTICLE:-" + System.nanoTime();
			try (var s = own.createStatement()) {
				org.assertj.core.api.Assertions.assertThatThrownBy(
						() -> s.execute("insert into search_feed (key) values ('" + key + "')"))
					.isInstanceOf(java.sql.SQLException.class)
					.hasMessageContaining("read-only");
			}
			assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from search_feed where key = ?",
					Long.class, key)).isZero();
		}
	}

	@Autowired
	IndexDocuments documents;

	@Test
	void aChangeAppendsItsKeyInItsOwnTransactionWithNoEventPublicationRecord() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long id = publish("同一事务追加的资讯子");
		// appended before the change's transaction committed, in it: there when the API answers
		assertThat(jdbc.queryForObject("select count(*) from search_feed where key = ?", Long.class,
				DocumentType.ARTICLE.name() + ":" + id)).isEqualTo(1);
		// Spring Modulith keeps a record of each publication to an after-commit listener, completed in a commit of its
		// own (a disk flush per change): the append, made before the commit and durable with the change, needs none
		assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id like ?", Long.class,
				"%search.internal.Indexer%")).isZero();
		// a change rolled back appends nothing
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		long rolledBack = tx.execute(s -> {
			s.setRollbackOnly();
			return articles.create(allianceId(), new org.alliancehub.content.NewArticle("回滚的资讯丑",
					org.alliancehub.content.Category.TECHNOLOGY, null, null, null, List.of(), "<p>回滚的资讯丑</p>",
					org.alliancehub.content.ArticleStatus.PUBLISHED, org.alliancehub.content.Visibility.PUBLIC)).id();
		});
		assertThat(jdbc.queryForObject("select count(*) from search_feed where key = ?", Long.class,
				DocumentType.ARTICLE.name() + ":" + rolledBack)).isZero();
	}

	@Test
	void aBatchReadTogetherGivesTheDocumentsReadOneByOne() {
		long published = publish("批量读取的资讯寅");
		long draft = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "批量读取的草稿卯", "category",
				"TECHNOLOGY", "body", "<p>草稿</p>", "status", "DRAFT", "visibility", "PUBLIC", "tags", List.of("标签甲")))
			.json().get("id").asLong();
		long members = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "批量读取的会员资讯辰",
				"category", "ALLIANCE_NEWS", "body", "<p>会员<b>可见</b></p>", "status", "PUBLISHED", "visibility", "MEMBERS",
				"tags", List.of("标签乙", "标签丙"))).json().get("id").asLong();
		long deleted = publish("批量读取后删除的资讯巳");
		assertThat(admin.delete("/api/v1/articles/" + deleted).status()).isEqualTo(204);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		List<String> keys = new java.util.ArrayList<>(List.of(DocumentType.ARTICLE.name() + ":" + published,
				DocumentType.ARTICLE.name() + ":" + draft, DocumentType.ARTICLE.name() + ":" + members,
				DocumentType.ARTICLE.name() + ":" + deleted, DocumentType.ARTICLE.name() + ":-1"));
		jdbc.queryForList("select id from article order by id limit 20", Long.class)
			.forEach(id -> keys.add(DocumentType.ARTICLE.name() + ":" + id));
		jdbc.queryForList("select id from organization order by id limit 5", Long.class)
			.forEach(id -> keys.add(DocumentType.ORGANIZATION.name() + ":" + id));
		jdbc.queryForList("select id from briefing order by id limit 3", Long.class)
			.forEach(id -> keys.add(DocumentType.BRIEFING.name() + ":" + id));
		var batch = documents.loadAll(keys);
		assertThat(List.copyOf(batch.keySet())).isEqualTo(keys.stream().distinct().toList());
		int present = 0;
		for (String key : batch.keySet()) {
			var one = documents.load(key);
			assertThat(batch.get(key) == null).as(key).isEqualTo(one.isEmpty());
			if (one.isPresent()) {
				present++;
				assertThat(fields(batch.get(key))).as(key).isEqualTo(fields(one.get()));
			}
		}
		assertThat(batch.get(DocumentType.ARTICLE.name() + ":" + draft)).isNull();
		assertThat(batch.get(DocumentType.ARTICLE.name() + ":" + deleted)).isNull();
		assertThat(batch.get(DocumentType.ARTICLE.name() + ":" + published)).isNotNull();
		assertThat(batch.get(DocumentType.ARTICLE.name() + ":" + members)).isNotNull();
		assertThat(present).isGreaterThan(10);
	}

	/** Every field of a document as the index would take it: name, kind, and value. */
	static List<String> fields(org.apache.lucene.document.Document d) {
		return d.getFields().stream()
			.map(f -> f.name() + "|" + f.getClass().getSimpleName() + "|" + f.fieldType() + "|" + f.stringValue() + "|"
					+ f.numericValue() + "|" + f.binaryValue())
			.toList();
	}

	@Autowired
	org.alliancehub.content.Articles articles;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/** How many documents of the current index hold this key (a document read twice must replace itself). */
	int indexed(String key) {
		return index.search(s -> {
			try {
				return s.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(SearchIndex.KEY, key)));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	long allianceId() {
		return admin.get("/api/v1/alliances/" + slug).json().get("id").asLong();
	}

	/** Publishes articles one by one, each its own transaction, from several threads at once; answers their ids. */
	List<Long> burst(long alliance, String prefix, int n) throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Long>> ids = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				String word = prefix + letters(i);
				ids.add(pool.submit(() -> articles.create(alliance, new org.alliancehub.content.NewArticle(word,
						org.alliancehub.content.Category.TECHNOLOGY, null, null, null, List.of(), "<p>" + word + "</p>",
						org.alliancehub.content.ArticleStatus.PUBLISHED, org.alliancehub.content.Visibility.PUBLIC)).id()));
			}
			List<Long> result = new java.util.ArrayList<>();
			for (var f : ids) {
				result.add(f.get());
			}
			return result;
		}
		finally {
			pool.shutdown();
		}
	}

	static String letters(int n) {
		StringBuilder s = new StringBuilder();
		do {
			s.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return s.toString();
	}

	@Test
	void aBurstOfSingleChangesFromManyThreadsIsAllSearchableAndSharesLuceneCommits()
			throws Exception {
		long alliance = allianceId();
		long commitsBefore = index.commits();
		long started = System.nanoTime();
		List<Long> ids = burst(alliance, "zburst", 300);
		await().atMost(SOON).pollInterval(Duration.ofMillis(10))
			.until(() -> ids.stream().allMatch(id -> indexed(DocumentType.ARTICLE.name() + ":" + id) == 1));
		double seconds = (System.nanoTime() - started) / 1e9;
		// every one is found by its own word through the search API, once
		for (int i = 0; i < ids.size(); i += 15) {
			assertThat(finds("zburst" + letters(i), ids.get(i))).as("zburst" + letters(i)).isTrue();
		}
		// the index is committed on a timer (about once a second), not once per change
		assertThat(index.commits() - commitsBefore).isLessThanOrEqualTo((long) Math.ceil(seconds) + 3);
	}

	@Test
	void appendsDoNotWaitForEachOthersCommitsAndAChangeCommittedLateIsStillRead() throws Exception {
		long early = publish("迟提交的资讯己");
		long late = publish("先提交的资讯庚");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("迟提交的资讯己", early) && finds("先提交的资讯庚", late));
		String earlyKey = DocumentType.ARTICLE.name() + ":" + early;
		String lateKey = DocumentType.ARTICLE.name() + ":" + late;
		index.write(earlyKey, null);
		index.write(lateKey, null);
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		var appended = new java.util.concurrent.CountDownLatch(1);
		var commit = new java.util.concurrent.CountDownLatch(1);
		// each on a thread of its own: the common pool may have one thread (two cores), which the first would hold
		java.util.concurrent.Executor own = r -> new Thread(r).start();
		// the first append takes its position and stays uncommitted
		var first = java.util.concurrent.CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
			feed.append(earlyKey);
			appended.countDown();
			try {
				commit.await();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}), own);
		try {
			assertThat(appended.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			// a second append, with a later position, commits at once: it does not wait for the first one's commit
			java.util.concurrent.CompletableFuture.runAsync(() -> feed.append(lateKey), own).get(SOON.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("先提交的资讯庚", late));
			assertThat(finds("迟提交的资讯己", early)).as("not committed yet").isFalse();
			// past the settling of gaps: the open one is kept, and the position kept with the index stays before it
			Thread.sleep(FeedFollower.SETTLE_MILLIS * 2);
			assertThat(index.position()).isLessThan(feed.head());
		}
		finally {
			commit.countDown();
		}
		first.get(5, java.util.concurrent.TimeUnit.SECONDS);
		await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("迟提交的资讯己", early));
		await().atMost(Duration.ofSeconds(2)).until(() -> index.position() >= feed.head());
	}

	@Test
	void aRolledBackAppendLeavesAGapThatIsSettledAndPassed() {
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		tx.executeWithoutResult(s -> {
			feed.append("ARTICLE:-1");
			s.setRollbackOnly();
		});
		long id = publish("回滚之后的资讯辛");
		await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("回滚之后的资讯辛", id));
		// the rolled-back position never comes: the kept position moves past it
		await().atMost(Duration.ofSeconds(3)).until(() -> index.position() >= feed.head());
	}

	@Test
	void aRestartResumesFromTheCommittedPositionWithNothingLostOrIndexedTwice() throws Exception {
		long alliance = allianceId();
		List<Long> before = burst(alliance, "zrestarta", 50);
		await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
		follower.stop();
		List<Long> during;
		try {
			// changes made while the node is down, then the node's index closed and opened again (a restart)
			during = burst(alliance, "zrestartb", 50);
			long kept = index.position();
			index.close();
			index.open();
			assertThat(index.position()).isEqualTo(kept).isLessThan(feed.head());
			assertThat(during.stream().filter(id -> indexed(DocumentType.ARTICLE.name() + ":" + id) > 0)).isEmpty();
		}
		finally {
			follower.start();
		}
		// read from the committed position: everything made while down is in, and nothing is in twice
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
			.until(() -> during.stream().allMatch(id -> indexed(DocumentType.ARTICLE.name() + ":" + id) == 1));
		await().atMost(Duration.ofSeconds(2)).until(() -> index.position() >= feed.head());
		for (long id : before) {
			assertThat(indexed(DocumentType.ARTICLE.name() + ":" + id)).isEqualTo(1);
		}
		for (long id : during) {
			assertThat(indexed(DocumentType.ARTICLE.name() + ":" + id)).isEqualTo(1);
		}
		// the committed position survives closing the index once more (what a restart reads)
		index.close();
		index.open();
		follower.restartFromIndex();
		assertThat(index.position()).isGreaterThanOrEqualTo(feed.head());
		assertThat(finds("zrestartb" + letters(7), during.get(7))).isTrue();
	}

	@Test
	void aChangeMadeThroughTheApiWakesTheFollowersWithoutThePoll() {
		long id = publish("唤醒预热的资讯壬");
		await().atMost(Duration.ofSeconds(5)).until(() -> finds("唤醒预热的资讯壬", id));
		withoutThePoll(() -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> index.position() >= feed.head());
			long published = publish("不靠轮询的资讯癸");
			await().atMost(SOON).pollInterval(Duration.ofMillis(20)).until(() -> finds("不靠轮询的资讯癸", published));
		});
	}
}
