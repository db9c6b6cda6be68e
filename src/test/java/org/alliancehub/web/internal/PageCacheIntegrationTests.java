package org.alliancehub.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The page cache cannot be filled by made-up query strings, and renders a page once however many ask at once. */
class PageCacheIntegrationTests extends IntegrationTest {

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("outerFilters")
	FilterRegistrationBean<FilterGroup> registration;

	@Test
	void fiveThousandMadeUpQueryStringsLeaveTheCacheSmall() throws Exception {
		PageCache cache = registration.getFilter().get(PageCache.class);
		cache.invalidate();
		String slug = "huanbao-zhuangbei";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 1; i <= 5_000; i++) {
				String path = "/a/" + slug + "/news?r=" + i;
				answers.add(pool.submit(() -> client().get(path).status()));
			}
			for (Future<Integer> a : answers) {
				assertThat(a.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(cache.size()).as("pages held").isEqualTo(1);
		assertThat(cache.weight()).as("bytes held").isLessThan(1024 * 1024);
		assertThat(cache.renders()).isGreaterThan(0);
	}

	@Test
	void theParametersAPageReadsStillMakeDifferentPages() {
		PageCache cache = registration.getFilter().get(PageCache.class);
		cache.invalidate();
		client().get("/a/huanbao-zhuangbei/news?page=0&utm=x");
		client().get("/a/huanbao-zhuangbei/news?utm=y&page=0");
		client().get("/a/huanbao-zhuangbei/news?page=1");
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void concurrentFirstRequestsOfOnePageRenderItOnce() throws Exception {
		PageCache cache = registration.getFilter().get(PageCache.class);
		cache.invalidate();
		long before = cache.renders();
		int visitors = 24;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(visitors);
		try {
			List<Future<String>> pages = new ArrayList<>();
			for (int i = 0; i < visitors; i++) {
				pages.add(pool.submit(() -> {
					start.await();
					return client().get("/a/huanbao-zhuangbei/about").body();
				}));
			}
			start.countDown();
			String first = pages.get(0).get();
			for (Future<String> p : pages) {
				assertThat(p.get()).isEqualTo(first);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(cache.renders() - before).as("renderings of one page asked for by %d visitors at once", visitors)
			.isEqualTo(1);
	}

	@Autowired
	DataSource dataSource;

	private String alliance(TestClient admin, String prefix) {
		String slug = prefix + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "缓存测试联盟" + slug)).status()).isEqualTo(201);
		return slug;
	}

	/** Whether the page is served from the cache now (asking for it renders it when it is not). */
	private boolean cached(PageCache cache, String path) {
		long before = cache.renders();
		assertThat(client().get(path).status()).isEqualTo(200);
		return cache.renders() == before;
	}

	@Test
	void aChangeInOneAllianceLeavesAnotherAlliancesPagesCached() {
		PageCache cache = registration.getFilter().get(PageCache.class);
		TestClient admin = admin();
		String a = alliance(admin, "ca-");
		String b = alliance(admin, "cb-");
		String pageOfA = "/a/" + a + "/news";
		String pageOfB = "/a/" + b + "/news";
		cached(cache, pageOfA);
		cached(cache, pageOfB);
		assertThat(cached(cache, pageOfB)).isTrue();
		assertThat(admin.post("/api/v1/alliances/" + a + "/articles", Map.of("title", "只在甲联盟的新闻", "category", "TECHNOLOGY",
				"body", "<p>甲</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of())).status())
			.isEqualTo(201);
		assertThat(cached(cache, pageOfB)).as("another alliance's page after a change in " + a).isTrue();
		assertThat(cached(cache, pageOfA)).as("the changed alliance's page").isFalse();
	}

	@Test
	void aNotificationFromAnotherNodeDropsTheAffectedPageWithinOneSecond() {
		PageCache cache = registration.getFilter().get(PageCache.class);
		TestClient admin = admin();
		String a = alliance(admin, "na-");
		String b = alliance(admin, "nb-");
		String pageOfA = "/a/" + a + "/news";
		String pageOfB = "/a/" + b + "/news";
		cached(cache, pageOfA);
		cached(cache, pageOfB);
		assertThat(cached(cache, pageOfA)).isTrue();
		String keyOfB = cache.keys().stream().filter(k -> k.contains(pageOfB)).findFirst().orElseThrow();
		String keyOfA = cache.keys().stream().filter(k -> k.contains(pageOfA)).findFirst().orElseThrow();
		// another node (another connection to the same database) announces a change in alliance b
		new JdbcTemplate(dataSource).queryForList("select pg_notify('page_cache', ?)", "another-node " + b + ",");
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> !cache.holds(keyOfB));
		assertThat(cache.holds(keyOfA)).as("the page of an alliance the change is not in").isTrue();
	}

	@Test
	void aChangeDropsThePagesItAffectsOnceCommittedWithNoDurableRecordForTheCachesListener(@Autowired DataSource data) {
		PageCache cache = registration.getFilter().get(PageCache.class);
		String page = "/a/huanbao-zhuangbei/news";
		assertThat(client().get(page).status()).isEqualTo(200);
		long rendered = cache.renders();
		client().get(page);
		assertThat(cache.renders()).as("served from the cache").isEqualTo(rendered);
		var created = admin().post("/api/v1/alliances/huanbao-zhuangbei/articles",
				Map.of("title", "缓存与事件记录" + UUID.randomUUID(), "category", "ALLIANCE_NEWS", "body", "<p>一</p>", "status", "PUBLISHED"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		client().get(page);
		assertThat(cache.renders()).as("rendered again after the article was published").isEqualTo(rendered + 1);
		JdbcTemplate jdbc = new JdbcTemplate(data);
		// Spring Modulith records publications to transactional listeners (two commits each); the cache's is not one
		assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id like '%PageCache%'", Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from event_publication", Long.class))
			.as("the registry does record the listeners that need it").isPositive();
	}

	@Autowired
	PageCache.Invalidation invalidation;

	@Autowired
	org.alliancehub.content.Articles articles;

	@Autowired
	org.alliancehub.network.Alliances alliances;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void manyChangesInOneCommitDropEachScopeOnceAndStillDropWhatTheyAffect() {
		PageCache cache = registration.getFilter().get(PageCache.class);
		TestClient admin = admin();
		String a = alliance(admin, "ba-");
		String b = alliance(admin, "bb-");
		String c = alliance(admin, "bc-");
		for (String slug : List.of(a, b, c)) {
			cached(cache, "/a/" + slug + "/news");
			assertThat(cached(cache, "/a/" + slug + "/news")).isTrue();
		}
		long idA = alliances.get(a).id();
		long idB = alliances.get(b).id();
		long passes = invalidation.passes();
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
			for (int i = 0; i < 10; i++) {
				long alliance = i % 2 == 0 ? idA : idB;
				articles.create(alliance, new org.alliancehub.content.NewArticle("一次提交的第" + i + "篇", org.alliancehub.content.Category.TECHNOLOGY,
						null, null, null, List.of(), "<p>批</p>", org.alliancehub.content.ArticleStatus.PUBLISHED,
						org.alliancehub.content.Visibility.PUBLIC));
			}
		});
		// one pass per set of scopes (a's, b's, and the network-wide sections once), not one per change
		assertThat(invalidation.passes() - passes).as("passes over the kept pages for 10 changes in one commit")
			.isBetween(1L, 3L);
		assertThat(cached(cache, "/a/" + a + "/news")).as("a page of an alliance the commit changed").isFalse();
		assertThat(cached(cache, "/a/" + b + "/news")).as("a page of the other alliance it changed").isFalse();
		assertThat(cached(cache, "/a/" + c + "/news")).as("a page of an alliance it did not change").isTrue();
	}
}
