package org.alliancehub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.platform.DatabaseNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages rendered afresh (the page cache bypassed, as for a signed-in visitor) keep in memory what every page
 * shares, and never show it stale: not after a change through the API, nor after a change made on another node.
 */
class FreshPagesIntegrationTests extends IntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseNotifications notifications;

	@Autowired
	ApplicationContext context;

	/** A page as a visitor with a cookie gets it: rendered afresh, never from the page cache. */
	private String fresh(String path) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Cookie", "fresh=" + UUID.randomUUID())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r.body();
	}

	private String newAlliance(String name) {
		String slug = "f-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug, "shortName", name + slug))
			.status()).isEqualTo(201);
		return slug;
	}

	@Test
	void theMessagesOfTheApplicationAreTheLockFreeSource() {
		assertThat(context.getBean("messageSource").getClass().getName()).isEqualTo("org.alliancehub.platform.Messages");
		assertThat(context.getMessage("site.network", null, java.util.Locale.TRADITIONAL_CHINESE)).isEqualTo("聯盟協同發展網");
	}

	@Test
	void pagesAreRenderedIntoMemoryAndWrittenInOneCall() throws Exception {
		var resolver = context.getBean(gg.jte.springframework.boot.autoconfigure.JteViewResolver.class);
		assertThat(resolver.resolveViewName("content/article", java.util.Locale.SIMPLIFIED_CHINESE).getClass().getName())
			.isEqualTo("org.alliancehub.web.internal.WholePageViews$WholePageView");
	}

	@Test
	void aFoundedOrRenamedAllianceShowsOnTheNextFreshPages() throws Exception {
		fresh("/");
		String slug = newAlliance("新建联盟");
		assertThat(fresh("/")).contains("新建联盟" + slug);
		assertThat(fresh("/a/" + slug + "/")).contains("新建联盟" + slug);
		assertThat(admin().patch("/api/v1/alliances/" + slug, Map.of("name", "改名联盟" + slug, "shortName", "改名联盟" + slug))
			.status()).isEqualTo(200);
		assertThat(fresh("/")).contains("改名联盟" + slug).doesNotContain("新建联盟" + slug);
		assertThat(fresh("/a/" + slug + "/")).contains("改名联盟" + slug).doesNotContain("新建联盟" + slug);
	}

	@Test
	void aChangeAnotherNodeAnnouncesShowsHereWithinASecond() throws Exception {
		String slug = newAlliance("别处联盟");
		assertThat(fresh("/")).contains("别处联盟" + slug);
		assertThat(fresh("/a/" + slug + "/")).contains("别处联盟" + slug);
		// another node changes the row and announces it (as its Alliances does, when its transaction commits)
		jdbc.sql("update alliance set name = ?, short_name = ?, version = version + 1 where slug = ?")
			.params("他处改名" + slug, "他处改名" + slug, slug)
			.update();
		notifications.announce("alliances", "another-node");
		long deadline = System.nanoTime() + 1_000_000_000L;
		String home = fresh("/");
		String site = fresh("/a/" + slug + "/");
		while ((!home.contains("他处改名" + slug) || !site.contains("他处改名" + slug)) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			home = fresh("/");
			site = fresh("/a/" + slug + "/");
		}
		assertThat(home).contains("他处改名" + slug);
		assertThat(site).contains("他处改名" + slug);
	}

	@Test
	void aFreshHomePageReadsTheAlliancesOnlyOnceBetweenChanges() throws Exception {
		fresh("/");
		fresh("/");
		STATEMENT_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();
		try {
			fresh("/");
			List<String> sent = List.copyOf(STATEMENT_LOG);
			// the alliances, the network's own articles and the newest of the network from memory (stop 23: the two
			// lists, one statement before, are kept until an article changes)
			assertThat(sent).isEmpty();
		}
		finally {
			STATEMENT_LOG = null;
		}
	}

	private long article(String slug, String title, String category, String day, List<String> tags, String status) {
		return admin().post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", category,
				"publishedAt", day + "T10:00:00+08:00", "tags", tags, "body", "<p>" + title + "</p>", "status", status))
			.json().get("id").asLong();
	}

	@Test
	void anArticleNamesItsNeighboursAndRelatedArticlesInTheirOrderFromOneStatement() throws Exception {
		String slug = newAlliance("邻居联盟");
		long a1 = article(slug, "一月", "ALLIANCE_NEWS", "2023-01-01", List.of("甲"), "PUBLISHED");
		long a2 = article(slug, "二月", "ALLIANCE_NEWS", "2023-02-01", List.of("甲", "乙"), "PUBLISHED");
		long a3 = article(slug, "三月", "ALLIANCE_NEWS", "2023-03-01", List.of("丙"), "PUBLISHED");
		long a4 = article(slug, "四月", "POLICY", "2023-04-01", List.of("甲", "乙"), "PUBLISHED");
		long a5 = article(slug, "五月", "POLICY", "2023-05-01", List.of(), "PUBLISHED");
		article(slug, "六月草稿", "ALLIANCE_NEWS", "2023-06-01", List.of("乙"), "DRAFT");
		var detail = client().get("/api/v1/articles/" + a2).json();
		assertThat(detail.get("previous").get("id").asLong()).isEqualTo(a1);
		assertThat(detail.get("next").get("id").asLong()).isEqualTo(a3);
		List<Long> related = new java.util.ArrayList<>();
		detail.get("related").forEach(r -> related.add(r.get("id").asLong()));
		// two shared tags, one, then none: the same section before the other
		assertThat(related).containsExactly(a4, a1, a3, a5);
		var first = client().get("/api/v1/articles/" + a1).json();
		assertThat(first.get("previous").isNull()).isTrue();
		assertThat(first.get("next").get("id").asLong()).isEqualTo(a2);
		var last = client().get("/api/v1/articles/" + a5).json();
		assertThat(last.get("previous").get("id").asLong()).isEqualTo(a4);
		assertThat(last.get("next").isNull()).isTrue();

		fresh("/a/" + slug + "/articles/" + a2);
		STATEMENT_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();
		try {
			assertThat(fresh("/a/" + slug + "/articles/" + a2)).contains("二月", "一月", "三月", "四月");
			// the article, its neighbours and related articles, its files and its owner kept in memory (stop 23)
			assertThat(List.copyOf(STATEMENT_LOG)).as("a fresh article page read before").isEmpty();
		}
		finally {
			STATEMENT_LOG = null;
		}
	}

	@Autowired
	org.alliancehub.content.Articles articles;

	@Autowired
	org.alliancehub.network.Alliances alliances;

	@Test
	void theNetworkHomeListsWhatItsTwoQueriesListed() {
		String slug = newAlliance("首页联盟");
		article(slug, "政策一", "POLICY", "2024-01-01", List.of("甲"), "PUBLISHED");
		article(slug, "资讯一", "ALLIANCE_NEWS", "2024-01-02", List.of("甲"), "PUBLISHED");
		article(slug, "资讯二", "ALLIANCE_NEWS", "2024-01-03", List.of(), "PUBLISHED");
		article(slug, "资讯草稿", "ALLIANCE_NEWS", "2024-01-04", List.of(), "DRAFT");
		long network = alliances.networkId().orElseThrow();
		long alliance = alliances.get(slug).id();
		for (long id : List.of(network, alliance)) {
			for (int limit : List.of(1, 5, 12)) {
				var both = articles.networkHome(id, limit, limit);
				assertThat(both.latest()).isEqualTo(articles.latestPublic(limit));
				assertThat(both.own()).isEqualTo(articles.latestBySection(id, limit));
			}
		}
		assertThat(articles.networkHome(alliance, 12, 5).own().get(org.alliancehub.content.Category.ALLIANCE_NEWS))
			.extracting(s -> s.title())
			.containsExactly("资讯二", "资讯一");
	}

	@Test
	void anArticlePageKeptInMemoryShowsEveryChangeThroughTheApiOnTheNextFreshPage() throws Exception {
		String slug = newAlliance("记忆联盟");
		long a1 = article(slug, "记忆一月" + slug, "ALLIANCE_NEWS", "2023-01-01", List.of("甲"), "PUBLISHED");
		long a2 = article(slug, "记忆二月" + slug, "ALLIANCE_NEWS", "2023-02-01", List.of("甲"), "PUBLISHED");
		String page = "/a/" + slug + "/articles/" + a2;
		assertThat(fresh(page)).contains("记忆二月" + slug, "记忆一月" + slug).doesNotContain("记忆三月" + slug);
		fresh(page);
		// the article itself changes
		assertThat(admin().patch("/api/v1/articles/" + a2, Map.of("title", "记忆二月改" + slug)).status()).isEqualTo(200);
		assertThat(fresh(page)).contains("记忆二月改" + slug);
		// a neighbour changes, a new neighbour comes, a related article goes
		assertThat(admin().patch("/api/v1/articles/" + a1, Map.of("title", "记忆一月改" + slug)).status()).isEqualTo(200);
		assertThat(fresh(page)).contains("记忆一月改" + slug).doesNotContain("记忆一月" + slug);
		long a3 = article(slug, "记忆三月" + slug, "ALLIANCE_NEWS", "2023-03-01", List.of("甲"), "PUBLISHED");
		assertThat(fresh(page)).contains("记忆三月" + slug);
		assertThat(admin().delete("/api/v1/articles/" + a3).status()).isIn(200, 204);
		assertThat(fresh(page)).doesNotContain("记忆三月" + slug);
		// the network's home page lists the newest public articles of every alliance
		long a4 = article(slug, "记忆最新" + slug, "ALLIANCE_NEWS", "2030-01-01", List.of(), "PUBLISHED");
		assertThat(fresh("/")).contains("记忆最新" + slug);
		assertThat(admin().patch("/api/v1/articles/" + a4, Map.of("title", "记忆最新改" + slug)).status()).isEqualTo(200);
		assertThat(fresh("/")).contains("记忆最新改" + slug);
		// the access rule reads the kept row too: members only now, so not found for this visitor
		assertThat(admin().patch("/api/v1/articles/" + a2, Map.of("visibility", "MEMBERS")).status()).isEqualTo(200);
		HttpResponse<String> hidden = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
			.header("Cookie", "fresh=" + UUID.randomUUID())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(admin().patch("/api/v1/articles/" + a2, Map.of("visibility", "PUBLIC")).status()).isEqualTo(200);
		assertThat(fresh(page)).contains("记忆二月改" + slug);
	}

	@Test
	void anArticleChangeAnotherNodeAnnouncesShowsOnTheNextFreshArticlePageWithinASecond() throws Exception {
		String slug = newAlliance("远处文章联盟");
		long a1 = article(slug, "远处一月" + slug, "ALLIANCE_NEWS", "2031-01-01", List.of(), "PUBLISHED");
		long a2 = article(slug, "远处二月" + slug, "ALLIANCE_NEWS", "2031-02-01", List.of(), "PUBLISHED");
		String page = "/a/" + slug + "/articles/" + a2;
		assertThat(fresh(page)).contains("远处二月" + slug, "远处一月" + slug);
		assertThat(fresh("/")).contains("远处二月" + slug);
		// another node changes the rows and announces it (as its Articles does, when its transaction commits)
		jdbc.sql("update article set title = ? where id = ?").params("他处改过的二月" + slug, a2).update();
		jdbc.sql("update article set title = ? where id = ?").params("他处改过的一月" + slug, a1).update();
		long alliance = alliances.get(slug).id();
		notifications.announce("articles", "another-node:" + alliance);
		long deadline = System.nanoTime() + 1_000_000_000L;
		String shown = fresh(page);
		String home = fresh("/");
		while ((!shown.contains("他处改过的二月" + slug) || !shown.contains("他处改过的一月" + slug)
				|| !home.contains("他处改过的二月" + slug)) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			shown = fresh(page);
			home = fresh("/");
		}
		assertThat(shown).contains("他处改过的二月" + slug, "他处改过的一月" + slug);
		assertThat(home).contains("他处改过的二月" + slug);
	}

	/**
	 * A change's announcements to the other nodes (the kept articles', the page cache's) are sent apart from the
	 * writer, many changes' in one commit: not by the request that made the change (before stop 26 each change made a
	 * notifying commit of its own after its own commit, on the request's pooled connection, and PostgreSQL serializes
	 * those), yet heard by the other nodes within a second, the kept articles' before the page cache's.
	 */
	@Test
	void articleChangesAreAnnouncedToTheOtherNodesTogetherAndNotByTheWriters() throws Exception {
		String slug = newAlliance("齐报联盟");
		long alliance = alliances.get(slug).id();
		long id = article(slug, "齐报" + slug, "ALLIANCE_NEWS", "2032-01-01", List.of(), "PUBLISHED");
		String mine = notifications.node();
		// what another node hears of this node's changes of this alliance, in the order it hears it
		java.util.Queue<String> heard = new java.util.concurrent.ConcurrentLinkedQueue<>();
		notifications.listen("articles", p -> {
			if (p.equals(mine + ":" + alliance)) {
				heard.add("articles");
			}
		});
		notifications.listen("page_cache", p -> {
			if (p.startsWith(mine + " ") && p.contains(slug)) {
				heard.add("page_cache");
			}
		});
		// what was announced of the alliance's and the article's creation is heard before
		var client = admin();
		Thread.sleep(300);
		heard.clear();
		// changes through the API: the requests send no announcement themselves
		STATEMENT_LOG = new java.util.concurrent.ConcurrentLinkedQueue<>();
		List<String> sent;
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(client.patch("/api/v1/articles/" + id, Map.of("title", "齐报" + i + slug)).status()).isEqualTo(200);
			}
		}
		finally {
			sent = List.copyOf(STATEMENT_LOG);
			STATEMENT_LOG = null;
		}
		assertThat(sent).isNotEmpty().noneMatch(sql -> sql.contains("pg_notify"));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> heard.contains("articles") && heard.contains("page_cache"));
		assertThat(heard.peek()).isEqualTo("articles");
		// a burst of new articles on several threads: a few announcements for all of them, at most one every 50 ms
		Thread.sleep(200);
		heard.clear();
		int changes = 100;
		var writers = java.util.concurrent.Executors.newFixedThreadPool(8);
		long start = System.nanoTime();
		try {
			List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (int i = 0; i < changes; i++) {
				String title = "齐报" + i + slug;
				done.add(writers.submit(() -> articles.create(alliance, new org.alliancehub.content.NewArticle(title,
						org.alliancehub.content.Category.TECHNOLOGY, null, null, null, List.of(), "<p>齐报正文</p>",
						org.alliancehub.content.ArticleStatus.PUBLISHED, org.alliancehub.content.Visibility.PUBLIC))));
			}
			for (var f : done) {
				f.get();
			}
		}
		finally {
			writers.shutdown();
		}
		long took = (System.nanoTime() - start) / 1_000_000;
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> heard.contains("articles") && heard.contains("page_cache"));
		Thread.sleep(300);
		long articlesHeard = heard.stream().filter("articles"::equals).count();
		long pagesHeard = heard.stream().filter("page_cache"::equals).count();
		// one per change before (100 each); now at most one sending per 50 ms while the changes were made, and one after
		long most = 2 + took / 45;
		assertThat(articlesHeard).as("announcements of 100 changes made in %d ms", took).isLessThanOrEqualTo(most).isLessThan(changes);
		assertThat(pagesHeard).as("announcements of 100 changes made in %d ms", took).isLessThanOrEqualTo(most).isLessThan(changes);
	}
}
