package org.alliancehub;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.web.internal.PageCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages as a visitor's browser receives them. */
class PageIntegrationTests extends IntegrationTest {

	@Autowired
	PageCache.Invalidation pageCache;

	String slug;

	long article;

	@BeforeEach
	void content() {
		TestClient admin = admin();
		slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "国家环保装备产业技术创新战略联盟测试" + slug, "shortName",
				"环保装备联盟", "contact", Map.of("phone", "010-88888888", "fax", "010-88888889", "email", "office@example.org",
						"address", "北京市海淀区", "postcode", "100081"), "icp", "京ICP备12345678号"));
		article = admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "环保装备标准化工作会议召开", "category",
				"ALLIANCE_NEWS", "source", "联盟秘书处", "author", "张三", "publishedAt", "2023-03-01T10:00:00+08:00", "tags",
				List.of("环保装备", "标准"), "body", "<p>会议讨论了团体标准的制定。</p>", "status", "PUBLISHED"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "后一篇资讯", "category", "ALLIANCE_NEWS",
				"publishedAt", "2023-04-01T10:00:00+08:00", "tags", List.of("环保装备"), "body", "<p>后一篇</p>", "status",
				"PUBLISHED"));
	}

	@Test
	void articlePageShowsSourceAuthorDateTagsNeighboursAndFooter() {
		var page = client().get("/a/" + slug + "/articles/" + article);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("环保装备标准化工作会议召开", "来源：联盟秘书处", "作者：张三", "2023年3月1日", "href=\"/a/" + slug
				+ "/articles?tag=环保装备\"", "下一篇", "后一篇资讯", "相关资讯", "电话：010-88888888", "传真：010-88888889", "邮编：100081",
				"ICP备案号：京ICP备12345678号", "北京市海淀区");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void traditionalChineseShowsInterfaceAndContentConverted() {
		var page = client().get("/a/" + slug + "/articles/" + article + "?lang=zh-TW");
		assertThat(page.body()).contains("環保裝備標準化工作會議召開", "來源：聯盟", "下一篇").doesNotContain("环保装备标准化");
		assertThat(page.header("Set-Cookie")).contains("lang=zh-TW");
		var english = client().get("/a/" + slug + "/articles/" + article + "?lang=en");
		assertThat(english.body()).contains("Source", "Previous", "Related", "环保装备标准化工作会议召开");
	}

	@Test
	void sectionsListNewestFirstAndUnknownPagesAre404() {
		var news = client().get("/a/" + slug + "/news");
		assertThat(news.body().indexOf("后一篇资讯")).isLessThan(news.body().indexOf("环保装备标准化工作会议召开"));
		for (String section : List.of("", "about", "policy", "media", "technology", "market", "enterprises", "events",
				"links", "members", "briefings")) {
			assertThat(client().get("/a/" + slug + "/" + section).status()).as(section).isEqualTo(200);
		}
		assertThat(client().get("/a/no-such-alliance/").status()).isEqualTo(404);
		assertThat(client().get("/a/" + slug + "/articles/999999999").body()).contains("不存在");
	}

	@Test
	void homeAndArticleStayWithinTheirSqlBudget() {
		pageCache.invalidateAll();
		client().get("/");
		pageCache.invalidateAll();
		long before = STATEMENTS.get();
		assertThat(client().get("/").status()).isEqualTo(200);
		long home = STATEMENTS.get() - before;
		pageCache.invalidateAll();
		client().get("/a/" + slug + "/articles/" + article);
		pageCache.invalidateAll();
		before = STATEMENTS.get();
		client().get("/a/" + slug + "/articles/" + article);
		long articlePage = STATEMENTS.get() - before;
		// rendered afresh (the page cache emptied), from what the first view left in memory (content.KeptArticles,
		// stop 23; 1-6 statements each before): the alliances, the article, its neighbours, its files, the home's lists
		assertThat(home).as("home page statements").isZero();
		assertThat(articlePage).as("article page statements").isZero();
		before = STATEMENTS.get();
		client().get("/a/" + slug + "/articles/" + article);
		assertThat(STATEMENTS.get() - before).as("a cached page costs no SQL").isZero();
	}

	@Test
	void aChangeIsVisibleOnTheNextViewDespiteTheCache() {
		client().get("/a/" + slug + "/");
		admin().patch("/api/v1/articles/" + article, Map.of("title", "标题已经更新"));
		assertThat(client().get("/a/" + slug + "/").body()).contains("标题已经更新");
	}

	@Test
	void membersAreGroupedByGovernanceRole() {
		TestClient admin = admin();
		long chair = admin.post("/api/v1/organizations", Map.of("name", "理事长单位测试" + slug, "type", "ENTERPRISE",
				"products", List.of(Map.of("name", "螺杆泵")))).json().get("id").asLong();
		long member = admin.post("/api/v1/organizations", Map.of("name", "普通成员测试" + slug, "type", "UNIVERSITY"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", chair, "role", "CHAIR"));
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", member, "role", "MEMBER"));
		String body = client().get("/a/" + slug + "/members").body();
		assertThat(body.indexOf("理事长单位")).isLessThan(body.indexOf("理事长单位测试"));
		assertThat(body.indexOf("理事长单位测试")).isLessThan(body.indexOf("普通成员测试"));
		assertThat(client().get("/a/" + slug + "/enterprises/" + chair).body()).contains("螺杆泵", "理事长单位");
		assertThat(client().get("/a/" + slug + "/enterprises").body()).contains("理事长单位测试").doesNotContain("普通成员测试");
	}
}
