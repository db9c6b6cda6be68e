package org.alliancehub.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.web.Sites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache drops only the pages a change affects, and never leaves a stale one: the public pages of the demo
 * and of a fresh alliance are crawled as an anonymous visitor until the cache holds them, then one change of each
 * kind is made through the API, and after each every page still cached is compared with a fresh rendering of the
 * same address (a cookie other than the language's makes the cache step aside, as for a signed-in visitor). The
 * pages that survive each change are counted and printed; those of another alliance, and of another section of the
 * same alliance, must survive.
 */
class PageCacheCrawlIntegrationTests extends IntegrationTest {

	static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	static final String OTHER = "huanbao-zhuangbei";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("outerFilters")
	FilterRegistrationBean<FilterGroup> registration;

	@Autowired
	Sites sites;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	TestClient admin;

	String slug;

	@Test
	void everyPublicPageRouteSaysWhichSectionsItShows() {
		List<String> missing = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = e.getKey();
			HandlerMethod method = e.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			// a page is a view: a String or a ModelAndView from a controller that is not a REST one
			Class<?> returned = method.getReturnType().getParameterType();
			if (!(returned == String.class || returned == ModelAndView.class) || method.hasMethodAnnotation(ResponseBody.class)
					|| method.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)
					|| method.getBeanType().isAnnotationPresent(ResponseBody.class)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/admin") || pattern.startsWith("/api/") || pattern.startsWith("/error")
						|| pattern.startsWith("/actuator")) {
					continue;
				}
				if (!PageSections.ROUTES.containsKey(pattern)) {
					missing.add(pattern + " (" + method.getShortLogMessage() + ")");
				}
			}
		}
		assertThat(missing)
			.as("public pages the page cache does not know: add each to PageSections.ROUTES with the sections it shows")
			.isEmpty();
	}

	JsonCreated created(TestClient.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		return new JsonCreated(r);
	}

	record JsonCreated(TestClient.Response r) {
		long id() {
			return r.json().get("id").asLong();
		}
	}

	long member(String role, String name) {
		long id = created(admin.post("/api/v1/organizations", Map.of("name", name + UUID.randomUUID(), "type", "ENTERPRISE"))).id();
		created(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role, "since",
				YEAR + "-01-02")));
		return id;
	}

	@Test
	void afterEachKindOfChangeEveryCachedPageIsTheFreshOneAndUnrelatedPagesStayCached() {
		PageCache cache = registration.getFilter().get(PageCache.class);
		admin = admin();
		slug = "pc-" + UUID.randomUUID().toString().substring(0, 8);
		created(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "缓存爬取联盟" + slug)));
		String a = "/api/v1/alliances/" + slug;
		// something of every section to show
		long chair = member("CHAIR", "理事长单位");
		long council = member("COUNCIL", "理事单位");
		long ordinary = member("MEMBER", "会员单位");
		TestClient chairRep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", chair)));
		created(admin.post(a + "/articles", Map.of("title", "爬取测试新闻", "category", "ALLIANCE_NEWS", "body", "<p>新闻正文</p>",
				"status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of("缓存"))));
		created(admin.post(a + "/briefings", Map.of("issueNumber", 1, "title", "简报第1期", "publishedOn", YEAR + "-02-02",
				"body", "<p>简报</p>")));
		long survey = created(admin.post(a + "/surveys", Map.of("title", "年度统计", "period", String.valueOf(YEAR), "deadline",
				OffsetDateTime.of(YEAR + 1, 12, 31, 12, 0, 0, 0, java.time.ZoneOffset.ofHours(8)).toString(), "fields",
				List.of(Map.of("key", "staff", "label", "职工人数", "type", "INTEGER"))))).id();
		created(admin.post("/api/v1/surveys/" + survey + "/publish", Map.of()));
		created(admin.put("/api/v1/surveys/" + survey + "/responses/" + council, Map.of("values", Map.of("staff", 10), "submit", true)));
		long motion = created(admin.post(a + "/motions", Map.of("title", "关于调整会费标准的通讯表决", "text", "请各理事单位表决。",
				"type", "BUDGET", "ballot", "SECRET", "electorate", "COUNCIL", "deadline",
				OffsetDateTime.now().plusDays(7).toString()))).id();
		created(admin.post(a + "/projects", Map.of("title", "联合攻关", "leadOrganizationId", chair, "startsOn", YEAR + "-03-01")));
		created(admin.post("/api/v1/demands", Map.of("organizationId", council, "title", "叶轮需求", "description", "叶轮", "field",
				"FLUID_MACHINERY", "region", "130100", "visibility", "PUBLIC", "budget", 80, "deadline", (YEAR + 1) + "-06-30")));
		created(admin.post(a + "/standards/published", Map.of("number", standardNumber(), "title", "渣浆泵团体标准", "scope", "范围",
				"issuedOn", YEAR + "-03-01", "effectiveOn", YEAR + "-04-01")));
		created(admin.post(a + "/certificates", Map.of("kind", "QUALIFICATION", "holderOrganizationId", council, "subject", "资质",
				"scope", "范围", "issuedOn", YEAR + "-01-05", "validUntil", (YEAR + 4) + "-01-04")));

		String network = sites.network().slug();
		List<String> pages = crawl(cache, List.of(slug, OTHER, network));
		assertThat(pages).as("pages crawled").hasSizeGreaterThan(40);
		String language = cache.keys().stream().filter(k -> k.endsWith(" /")).findFirst().orElseThrow().split(" ")[0];

		Map<String, Runnable> changes = new LinkedHashMap<>();
		changes.put("user.created", () -> created(admin.post("/api/v1/users", Map.of("username", "pc" + UUID.randomUUID().toString()
			.substring(0, 8), "displayName", "新用户", "email", UUID.randomUUID() + "@example.org", "password", "password-crawl-1",
				"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", ordinary))))));
		changes.put("article.created (a draft)", () -> created(admin.post(a + "/articles", Map.of("title", "草稿", "category",
				"ALLIANCE_NEWS", "body", "<p>草稿</p>", "status", "DRAFT", "visibility", "PUBLIC", "tags", List.of()))));
		changes.put("article.created (published)", () -> created(admin.post(a + "/articles", Map.of("title", "新发布的新闻",
				"category", "ALLIANCE_NEWS", "body", "<p>新的</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags",
				List.of("缓存")))));
		long draft = created(admin.post(a + "/articles", Map.of("title", "反复保存的草稿", "category", "ALLIANCE_NEWS", "body",
				"<p>第一稿</p>", "status", "DRAFT", "visibility", "PUBLIC", "tags", List.of()))).id();
		changes.put("article.updated (a draft saved again)", () -> created(admin.patch("/api/v1/articles/" + draft,
				Map.of("body", "<p>第二稿</p>"))));
		changes.put("article.updated (a draft published)", () -> created(admin.patch("/api/v1/articles/" + draft,
				Map.of("status", "PUBLISHED"))));
		changes.put("article.updated (withdrawn to a draft)", () -> created(admin.patch("/api/v1/articles/" + draft,
				Map.of("status", "DRAFT"))));
		changes.put("membership.changed (roles)", () -> created(admin.patch(a + "/members/" + ordinary, Map.of("role", "COUNCIL"))));
		changes.put("survey.response.submitted", () -> created(admin.put("/api/v1/surveys/" + survey + "/responses/" + chair,
				Map.of("values", Map.of("staff", 30), "submit", true))));
		changes.put("a vote cast (secret ballot)", () -> created(chairRep.post("/api/v1/motions/" + motion + "/votes",
				Map.of("choice", "YES"))));
		changes.put("motion.closed", () -> created(admin.post("/api/v1/motions/" + motion + "/close", Map.of())));
		changes.put("motion.result-published", () -> created(admin.post("/api/v1/motions/" + motion + "/result/publication",
				Map.of())));
		changes.put("certificate.issued", () -> created(admin.post(a + "/certificates", Map.of("kind", "QUALIFICATION",
				"holderOrganizationId", chair, "subject", "资质二", "scope", "范围", "issuedOn", YEAR + "-01-06", "validUntil",
				(YEAR + 4) + "-01-05"))));
		changes.put("standard.recorded-published", () -> created(admin.post(a + "/standards/published", Map.of("number",
				standardNumber(), "title", "第二项团体标准", "scope", "范围", "issuedOn", YEAR + "-03-02", "effectiveOn", YEAR + "-04-02"))));
		changes.put("project.proposed", () -> created(admin.post(a + "/projects", Map.of("title", "第二个攻关项目",
				"leadOrganizationId", council, "startsOn", YEAR + "-03-03"))));
		changes.put("demand.posted", () -> created(admin.post("/api/v1/demands", Map.of("organizationId", chair, "title", "密封需求",
				"description", "密封", "field", "FLUID_MACHINERY", "region", "130100", "visibility", "PUBLIC", "budget", 20, "deadline",
				(YEAR + 1) + "-07-30"))));
		changes.put("briefing.changed", () -> created(admin.post(a + "/briefings", Map.of("issueNumber", 2, "title", "简报第2期",
				"publishedOn", YEAR + "-03-02", "body", "<p>简报二</p>"))));

		List<String> stale = new ArrayList<>();
		stale.addAll(compare(cache, pages, language, "before any change"));
		Map<String, Set<String>> survivors = new LinkedHashMap<>();
		Map<String, Set<String>> before = new LinkedHashMap<>();
		for (Map.Entry<String, Runnable> change : changes.entrySet()) {
			fill(cache, pages);
			Set<String> held = held(cache, pages, language);
			change.getValue().run();
			Set<String> kept = held(cache, pages, language);
			survivors.put(change.getKey(), kept);
			before.put(change.getKey(), held);
			// main dropped every page of the changed alliance, the network's and those outside any alliance
			long elsewhere = held.stream().filter(p -> p.startsWith("/a/" + OTHER + "/")).count();
			System.out.printf("page cache crawl: after %-30s %3d of %3d cached pages survived (%3d %%; before sections at most %d)%n",
					change.getKey(), kept.size(), held.size(), held.isEmpty() ? 0 : 100 * kept.size() / held.size(), elsewhere);
			stale.addAll(compare(cache, pages, language, change.getKey()));
		}
		assertThat(stale).as("cached pages that differ from a fresh rendering (stale)").isEmpty();

		// what must survive
		for (Map.Entry<String, Set<String>> s : survivors.entrySet()) {
			assertThat(s.getValue()).as("another alliance's pages after " + s.getKey())
				.contains("/a/" + OTHER + "/members", "/a/" + OTHER + "/news", "/a/" + OTHER + "/");
		}
		assertThat(survivors.get("user.created")).as("a new user shows on no public page")
			.isEqualTo(before.get("user.created"))
			.contains("/", "/a/" + slug + "/", "/a/" + slug + "/members");
		assertThat(survivors.get("article.created (a draft)")).as("a draft shows on no public page")
			.isEqualTo(before.get("article.created (a draft)"));
		// before stop 27 every update of an article dropped its alliance's pages, a draft's included
		assertThat(survivors.get("article.updated (a draft saved again)")).as("a draft saved again shows on no public page")
			.isEqualTo(before.get("article.updated (a draft saved again)"));
		// a draft published, and one withdrawn, change the news pages (the staleness check above would see them kept)
		for (String change : List.of("article.updated (a draft published)", "article.updated (withdrawn to a draft)")) {
			assertThat(survivors.get(change)).as(change).doesNotContain("/a/" + slug + "/news", "/");
		}
		assertThat(survivors.get("a vote cast (secret ballot)")).as("a vote in a secret ballot shows on no public page")
			.isEqualTo(before.get("a vote cast (secret ballot)"));
		assertThat(survivors.get("article.created (published)")).contains("/a/" + slug + "/members", "/a/" + slug + "/about",
				"/a/" + slug + "/standards", "/a/" + slug + "/projects").doesNotContain("/a/" + slug + "/news", "/");
		assertThat(survivors.get("survey.response.submitted")).contains("/", "/a/" + slug + "/", "/a/" + slug + "/news",
				"/a/" + slug + "/members");
		assertThat(survivors.get("membership.changed (roles)")).contains("/", "/a/" + slug + "/", "/a/" + slug + "/news")
			.doesNotContain("/a/" + slug + "/members", "/a/" + slug + "/about");
		assertThat(survivors.get("certificate.issued")).contains("/", "/a/" + slug + "/", "/a/" + slug + "/news",
				"/a/" + slug + "/members");
		assertThat(survivors.get("standard.recorded-published")).contains("/", "/a/" + slug + "/news", "/a/" + slug + "/members")
			.doesNotContain("/a/" + slug + "/standards");
	}

	private static String standardNumber() {
		return "T/PC" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT) + " 001-" + YEAR;
	}

	/**
	 * The public pages of these alliances (and the pages outside any alliance they link to) an anonymous visitor
	 * reaches from their home pages and sections, at most two of each shape (a path with its numbers left out).
	 */
	private List<String> crawl(PageCache cache, List<String> alliances) {
		Deque<String> todo = new ArrayDeque<>();
		todo.add("/");
		todo.add("/activity/formula");
		for (String s : alliances) {
			for (String section : List.of("", "about", "news", "policy", "articles", "members", "enterprises", "events", "links",
					"briefings", "meetings", "standards", "surveys/statistics", "projects", "agreements", "bases", "resources",
					"demands", "achievements")) {
				todo.add("/a/" + s + "/" + section);
			}
		}
		Set<String> seen = new LinkedHashSet<>(todo);
		Map<String, Integer> shapes = new HashMap<>();
		List<String> pages = new ArrayList<>();
		while (!todo.isEmpty() && pages.size() < 160) {
			String path = todo.poll();
			HttpResponse<String> r = get(path, false);
			String type = r.headers().firstValue("Content-Type").orElse("");
			if (r.statusCode() != 200 || !type.startsWith("text/html")) {
				continue;
			}
			pages.add(path);
			Matcher m = HREF.matcher(r.body());
			while (m.find()) {
				String link = m.group(1).replace("&amp;", "&");
				if (!inScope(link, alliances) || !seen.add(link)) {
					continue;
				}
				String shape = link.replaceAll("[0-9]+", "N").replaceAll("=[^&]*", "=");
				if (shapes.merge(shape, 1, Integer::sum) <= 2) {
					todo.add(link);
				}
			}
		}
		fill(cache, pages);
		return pages;
	}

	private static boolean inScope(String link, List<String> alliances) {
		if (link.contains("lang=") || link.matches(".*\\.(xlsx|csv|pdf|png|json|js|css|svg|ico|txt)(\\?.*)?$")
				|| link.contains("/subscriptions/") || link.contains("/unsubscribe/")) {
			return false;
		}
		for (String s : alliances) {
			if (link.startsWith("/a/" + s + "/")) {
				return true;
			}
		}
		return link.equals("/") || link.startsWith("/meetings/") || link.startsWith("/demands/")
				|| link.startsWith("/transfers/") || link.startsWith("/activity/");
	}

	/** Asks for each page as an anonymous visitor, so that the cache holds the page again. */
	private void fill(PageCache cache, List<String> pages) {
		for (String p : pages) {
			get(p, false);
		}
	}

	/** The pages the cache holds now. */
	private static Set<String> held(PageCache cache, List<String> pages, String language) {
		Set<String> held = new TreeSet<>();
		for (String p : pages) {
			if (cache.holds(key(language, p))) {
				held.add(p);
			}
		}
		return held;
	}

	/** Each cached page against a fresh rendering of it: the differences found. */
	private List<String> compare(PageCache cache, List<String> pages, String language, String after) {
		List<String> stale = new ArrayList<>();
		for (String p : held(cache, pages, language)) {
			long renders = cache.renders();
			String cached = normalised(get(p, false).body());
			if (cache.renders() != renders) {
				continue; // dropped meanwhile: rendered afresh
			}
			String fresh = normalised(get(p, true).body());
			if (!cached.equals(fresh)) {
				stale.add("after " + after + ": " + p + " " + difference(cached, fresh));
			}
		}
		return stale;
	}

	private static String normalised(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")
			.replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "<meta name=\"_csrf\"");
	}

	private static String difference(String cached, String fresh) {
		int i = 0;
		while (i < cached.length() && i < fresh.length() && cached.charAt(i) == fresh.charAt(i)) {
			i++;
		}
		int from = Math.max(0, i - 80);
		return "cached «" + cached.substring(from, Math.min(cached.length(), i + 120)) + "» fresh «"
				+ fresh.substring(from, Math.min(fresh.length(), i + 120)) + "»";
	}

	/** The key the cache keeps a page under (see {@link PageCache#key}). */
	static String key(String language, String page) {
		int q = page.indexOf('?');
		StringBuilder key = new StringBuilder(language).append(' ').append(q < 0 ? page : page.substring(0, q));
		if (q >= 0) {
			Map<String, List<String>> parameters = new TreeMap<>();
			for (String pair : page.substring(q + 1).split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				if (PageCache.PARAMETERS.contains(name)) {
					parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
			char sep = '?';
			for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
				for (String v : e.getValue()) {
					key.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
					sep = '&';
				}
			}
		}
		return key.toString();
	}

	/** A page as an anonymous visitor; {@code fresh}: with a cookie that makes the cache step aside. */
	private HttpResponse<String> get(String path, boolean fresh) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html");
		if (fresh) {
			b.header("Cookie", "crawl=fresh");
		}
		try {
			return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
