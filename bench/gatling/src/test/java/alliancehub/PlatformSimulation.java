package alliancehub;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A day at the platform, compressed: {@code USERS} concurrent users (default 200) for {@code DURATION} seconds
 * (default 300), a closed model (as one user leaves, the next comes), each with a think time between its
 * requests. The mix, in shares of the users:
 * <ul>
 * <li>55 % anonymous visitors: the network home, an alliance's home, a section list, articles, the search page;</li>
 * <li>20 % searches through {@code GET /api/v1/search} (simplified and 繁體 words, an alliance filter);</li>
 * <li>10 % secretariats of the demo alliances, signed in through the login form (password {@code demo-secretariat}):
 * back-office pages, and a draft article saved through the API with the secretariat's token;</li>
 * <li>10 % representatives answering this run's survey for their organisation (draft saves, then reading it);</li>
 * <li>the rest representatives voting: each representative votes once on each of this run's motions.</li>
 * </ul>
 * What the survey and the votes need is created through the API before the load starts (plain HTTP, as the
 * administrator, {@code ADMIN_PASSWORD}): an alliance of its own with {@code REPS} organisations on its council,
 * a representative each, a survey for them, a council meeting with everyone present and {@code MOTIONS} open
 * motions. Asserted: no failed request at all. Each request kind is named, so the report gives p99 per kind.
 */
public class PlatformSimulation extends Simulation {

	static final String BASE = env("BASE_URL", "http://127.0.0.1:18100");

	static final int USERS = Integer.parseInt(env("USERS", "200"));

	static final int DURATION = Integer.parseInt(env("DURATION", "300"));

	static final int REPS = Integer.parseInt(env("REPS", "60"));

	static final int MOTIONS = Integer.parseInt(env("MOTIONS", "5"));

	static final String ADMIN_PASSWORD = env("ADMIN_PASSWORD", "gatling-admin-password");

	static final List<String> DEMO_ALLIANCES = List.of("lmxfw", "huanbao-zhuangbei", "hebei-zhajiangbeng", "huaxian",
			"td", "fenmo-yejin", "bandaoti-zhaoming", "nongye-zhuangbei");

	static final List<String> QUERIES = List.of("联盟", "技术", "标准", "产业", "创新", "節能", "環保", "装备", "化纤", "半导体照明",
			"农业", "检测", "合作", "企业", "材料", "協會", "发展", "质量");

	static final String[] CHOICES = { "YES", "NO", "ABSTAIN" };

	static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	// ------------------------------------------------------------------ set-up through the API (plain HTTP)

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	record Answer(int status, String body) {
	}

	static Answer call(String method, String token, String path, String json) {
		try {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
				.header("Accept", "application/json");
			if (token != null) {
				b.header("Authorization", "Bearer " + token);
			}
			if (json != null) {
				b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
			}
			else {
				b.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(method + " " + path + ": " + e, e);
		}
	}

	static String expect(Answer a, int status, String what) {
		if (a.status() != status) {
			throw new IllegalStateException(what + ": expected " + status + ", got " + a.status() + " " + a.body());
		}
		return a.body();
	}

	static long id(String body) {
		Matcher m = ID.matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + body);
		}
		return Long.parseLong(m.group(1));
	}

	static List<Long> ids(String body) {
		List<Long> out = new ArrayList<>();
		Matcher m = Pattern.compile("\\{\"id\"\\s*:\\s*(\\d+)").matcher(body);
		while (m.find()) {
			out.add(Long.parseLong(m.group(1)));
		}
		return out;
	}

	static String token(String user, String password) {
		String body = expect(call("POST", null, "/api/v1/auth/token",
				"{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"), 200, "token of " + user);
		Matcher m = TOKEN.matcher(body);
		m.find();
		return m.group(1);
	}

	static <T> List<T> parallel(int n, IntFunction<T> task) {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int k = i;
				futures.add(pool.submit(() -> task.apply(k)));
			}
			List<T> out = new ArrayList<>();
			for (Future<T> f : futures) {
				out.add(f.get());
			}
			return out;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdown();
		}
	}

	record Rep(long organization, String token) {
	}

	static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

	static final String SLUG = "gatling-" + RUN;

	static List<Rep> reps;

	static long survey;

	static List<Long> motions;

	static List<Map<String, Object>> articles = new ArrayList<>();

	static Map<String, String> secretariatTokens = new HashMap<>();

	static void setUp() {
		long t0 = System.nanoTime();
		String admin = token("admin", ADMIN_PASSWORD);
		expect(call("POST", admin, "/api/v1/alliances", "{\"slug\":\"" + SLUG + "\",\"name\":\"压测联盟" + RUN + "\"}"), 201,
				"alliance");
		reps = parallel(REPS, i -> {
			long org = id(expect(call("POST", admin, "/api/v1/organizations",
					"{\"name\":\"压测单位" + RUN + "-" + i + "\",\"type\":\"ENTERPRISE\"}"), 201, "organisation"));
			expect(call("POST", admin, "/api/v1/alliances/" + SLUG + "/members",
					"{\"organizationId\":" + org + ",\"role\":\"COUNCIL\"}"), 201, "council seat");
			String user = "g" + RUN + "-" + i;
			String password = "rep-password-" + i;
			expect(call("POST", admin, "/api/v1/users", "{\"username\":\"" + user + "\",\"displayName\":\"代表" + i
					+ "\",\"password\":\"" + password + "\",\"roles\":[{\"role\":\"MEMBER_REP\",\"organizationId\":" + org
					+ "}]}"), 201, "representative");
			return new Rep(org, token(user, password));
		});
		String deadline = OffsetDateTime.now().plusDays(30).withNano(0).toString();
		survey = id(expect(call("POST", admin, "/api/v1/alliances/" + SLUG + "/surveys", """
				{"title":"压测年度调查","period":"2026","description":"压测用","deadline":"%s",
				 "fields":[{"key":"revenue","label":"营业收入","section":"经营情况","type":"DECIMAL","unit":"万元","required":true,"min":0},
				           {"key":"staff","label":"从业人员","section":"人员","type":"INTEGER","unit":"人","required":true,"min":0},
				           {"key":"note","label":"说明","section":"其他","type":"TEXT","required":false}],
				 "rules":[],"audience":{"roles":[],"types":["ENTERPRISE"],"regions":[]}}
				""".formatted(deadline)), 201, "survey"));
		expect(call("POST", admin, "/api/v1/surveys/" + survey + "/publish", null), 200, "publish survey");
		long meeting = meeting(admin);
		motions = new ArrayList<>();
		for (int m = 0; m < MOTIONS; m++) {
			long motion = id(expect(call("POST", admin, "/api/v1/meetings/" + meeting + "/motions",
					"{\"title\":\"压测议案" + (m + 1) + "\",\"ballot\":\"OPEN\"}"), 201, "motion"));
			Answer open = call("POST", admin, "/api/v1/motions/" + motion + "/open", "{}");
			if (open.status() != 200) {
				// one open motion per meeting: this one in a meeting of its own
				meeting = meeting(admin);
				motion = id(expect(call("POST", admin, "/api/v1/meetings/" + meeting + "/motions",
						"{\"title\":\"压测议案" + (m + 1) + "\",\"ballot\":\"OPEN\"}"), 201, "motion"));
				expect(call("POST", admin, "/api/v1/motions/" + motion + "/open", "{}"), 200, "open motion");
			}
			motions.add(motion);
		}
		for (String slug : DEMO_ALLIANCES) {
			String body = expect(call("GET", null, "/api/v1/alliances/" + slug + "/articles?size=20", null), 200, "articles");
			List<Long> found = ids(body);
			for (long id : found) {
				articles.add(Map.of("slug", slug, "article", id));
			}
			if (!found.isEmpty()) {
				// the demo has a secretariat account for each alliance with articles of its own (README)
				secretariatTokens.put(slug, token(slug, "demo-secretariat"));
			}
		}
		if (articles.isEmpty()) {
			throw new IllegalStateException("no demo articles: is the demo network loaded?");
		}
		System.out.printf("set-up: alliance %s, %d representatives, survey %d, motions %s, %d articles, in %.1f s%n", SLUG,
				reps.size(), survey, motions, articles.size(), (System.nanoTime() - t0) / 1e9);
	}

	static long meeting(String admin) {
		long meeting = id(expect(call("POST", admin, "/api/v1/alliances/" + SLUG + "/meetings",
				"{\"kind\":\"COUNCIL\",\"term\":1,\"session\":1,\"startsAt\":\"2026-11-23T09:30:00+08:00\",\"mode\":\"ONLINE\","
						+ "\"onlineUrl\":\"https://meeting.example.org/gatling\"}"),
				201, "meeting"));
		parallel(reps.size(), i -> expect(call("POST", admin, "/api/v1/meetings/" + meeting + "/attendance",
				"{\"organizationId\":" + reps.get(i).organization() + ",\"present\":true}"), 200, "attendance"));
		return meeting;
	}

	// In the constructor, not a static initializer: set-up's worker threads call this class's static methods, which
	// would wait for the class's initialization to end, and it would wait for them.
	{
		setUp();
	}

	// ------------------------------------------------------------------ the load

	HttpProtocolBuilder protocol = http.baseUrl(BASE)
		.acceptLanguageHeader("zh-CN,zh;q=0.9")
		.acceptEncodingHeader("gzip, deflate")
		.userAgentHeader("AllianceHub load test (Gatling)")
		.disableCaching()
		.shareConnections();

	static Iterator<Map<String, Object>> cycle(List<Map<String, Object>> items) {
		return Stream.generate(() -> items).flatMap(List::stream).iterator();
	}

	static ChainBuilder think() {
		return pause(Duration.ofMillis(300), Duration.ofMillis(1500));
	}

	Iterator<Map<String, Object>> articleFeeder() {
		List<Map<String, Object>> copy = new ArrayList<>(articles);
		Collections.shuffle(copy, new java.util.Random(1));
		return cycle(copy);
	}

	Iterator<Map<String, Object>> queryFeeder() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (String q : QUERIES) {
			list.add(Map.of("q", q, "alliance", ""));
			list.add(Map.of("q", q, "alliance", "&alliance=" + DEMO_ALLIANCES.get(Math.abs(q.hashCode()) % DEMO_ALLIANCES.size())));
		}
		return cycle(list);
	}

	ScenarioBuilder anonymous = scenario("anonymous visitor").feed(articleFeeder())
		.exec(http("page: network home").get("/").check(status().is(200)))
		.exec(think())
		.exec(http("page: alliance home").get("/a/#{slug}/").check(status().is(200)))
		.exec(think())
		.exec(http("page: news list").get("/a/#{slug}/news").check(status().is(200)))
		.exec(think())
		.repeat(3)
		.on(feed(articleFeeder()).exec(http("page: article").get("/a/#{slug}/articles/#{article}").check(status().is(200)))
			.exec(think()))
		.exec(http("page: search").get("/search?q=联盟").check(status().is(200)));

	ScenarioBuilder searcher = scenario("search").repeat(5)
		.on(feed(queryFeeder())
			.exec(http("api: search").get("/api/v1/search?q=#{q}#{alliance}&size=10")
				.check(status().is(200), jsonPath("$.total").exists()))
			.exec(think()));

	Iterator<Map<String, Object>> secretariatFeeder() {
		List<Map<String, Object>> list = new ArrayList<>();
		secretariatTokens.forEach((slug, token) -> list.add(Map.of("slug", slug, "token", token)));
		return cycle(list);
	}

	ScenarioBuilder secretariat = scenario("secretariat back office").feed(secretariatFeeder())
		.exec(http("back office: login form").get("/login").check(status().is(200),
				regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
		.exec(http("back office: sign in").post("/login")
			.formParam("username", "#{slug}")
			.formParam("password", "demo-secretariat")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(200), currentLocationRegex(".*/login.*").notExists()))
		.exec(think())
		.foreach(List.of("articles", "members", "meetings", "surveys", "bulletins"), "section")
		.on(exec(http("back office: page").get("/admin/a/#{slug}/#{section}").check(status().is(200))).exec(think()))
		.exec(http("back office: save draft article").post("/api/v1/alliances/#{slug}/articles")
			.header("Authorization", "Bearer #{token}")
			.header("Content-Type", "application/json")
			.body(StringBody("{\"title\":\"压测草稿 #{slug}\",\"category\":\"ALLIANCE_NEWS\",\"body\":\"<p>压测用草稿，不发布。</p>\","
					+ "\"status\":\"DRAFT\"}"))
			.check(status().is(201)));

	Iterator<Map<String, Object>> repFeeder() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Rep r : reps) {
			list.add(Map.of("org", r.organization(), "token", r.token()));
		}
		return cycle(list);
	}

	ScenarioBuilder respondent = scenario("survey answer").feed(repFeeder())
		.exec(session -> session.set("revenue", 1000 + (int) (Math.random() * 9000)))
		.exec(http("survey: read").get("/api/v1/surveys/" + survey).header("Authorization", "Bearer #{token}")
			.check(status().is(200)))
		.exec(think())
		.repeat(2)
		.on(exec(http("survey: save answer").put("/api/v1/surveys/" + survey + "/responses/#{org}")
			.header("Authorization", "Bearer #{token}")
			.header("Content-Type", "application/json")
			.body(StringBody("{\"values\":{\"revenue\":#{revenue},\"staff\":120,\"note\":\"压测\"},\"submit\":false}"))
			.check(status().in(200, 201))).exec(think()))
		.exec(http("survey: read answer").get("/api/v1/surveys/" + survey + "/responses/#{org}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)));

	/** Every (representative, motion) pair once: each is one vote, a second would rightly be refused (409). */
	Iterator<Map<String, Object>> voteFeeder() {
		ConcurrentLinkedQueue<Map<String, Object>> q = new ConcurrentLinkedQueue<>();
		for (int m = 0; m < motions.size(); m++) {
			for (int i = 0; i < reps.size(); i++) {
				q.add(Map.of("motion", motions.get(m), "token", reps.get(i).token(), "choice", CHOICES[(i + m) % 3]));
			}
		}
		return q.iterator();
	}

	ScenarioBuilder voter = scenario("vote").feed(voteFeeder())
		.exec(http("vote: motion").get("/api/v1/motions/#{motion}").header("Authorization", "Bearer #{token}")
			.check(status().is(200)))
		.exec(think())
		.exec(http("vote: cast").post("/api/v1/motions/#{motion}/votes")
			.header("Authorization", "Bearer #{token}")
			.header("Content-Type", "application/json")
			.body(StringBody("{\"choice\":\"#{choice}\"}"))
			.check(status().is(201)));

	{
		int anonymousUsers = Math.max(1, USERS * 55 / 100);
		int searchUsers = Math.max(1, USERS * 20 / 100);
		int secretariatUsers = Math.max(1, USERS * 10 / 100);
		int respondentUsers = Math.max(1, USERS * 10 / 100);
		int voteUsers = Math.max(1, USERS - anonymousUsers - searchUsers - secretariatUsers - respondentUsers);
		int votes = reps.size() * motions.size();
		Duration d = Duration.ofSeconds(DURATION);
		Duration ramp = Duration.ofSeconds(Math.min(30, DURATION / 6));
		List<PopulationBuilder> populations = List.of(
				anonymous.injectClosed(rampConcurrentUsers(0).to(anonymousUsers).during(ramp),
						constantConcurrentUsers(anonymousUsers).during(d.minus(ramp))),
				searcher.injectClosed(rampConcurrentUsers(0).to(searchUsers).during(ramp),
						constantConcurrentUsers(searchUsers).during(d.minus(ramp))),
				secretariat.injectClosed(rampConcurrentUsers(0).to(secretariatUsers).during(ramp),
						constantConcurrentUsers(secretariatUsers).during(d.minus(ramp))),
				respondent.injectClosed(rampConcurrentUsers(0).to(respondentUsers).during(ramp),
						constantConcurrentUsers(respondentUsers).during(d.minus(ramp))),
				// the votes spread over the run: about voteUsers voting at any moment, every pair exactly once
				voter.injectOpen(rampUsers(votes).during(d)));
		System.out.printf("load: %d users for %d s (anonymous %d, search %d, secretariat %d, survey %d, about %d voting;"
				+ " %d votes in all)%n", USERS, DURATION, anonymousUsers, searchUsers, secretariatUsers, respondentUsers,
				voteUsers, votes);
		setUp(populations).protocols(protocol).assertions(global().failedRequests().count().is(0L));
	}

}
