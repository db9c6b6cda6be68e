package org.alliancehub;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes ({@code java -jar} of the packaged jar, each with its own port and data directory) on one
 * PostgreSQL, behind Debian's nginx on loopback as the load balancer: what is changed through one node is on the
 * other's pages and in its search within a second, and when one node is killed the other keeps serving, with every
 * acknowledged write kept; a session signed in on one node is signed in on the other (Spring Session JDBC); a
 * correspondence vote's deadline closes it once, not once per node (ShedLock). Runs in {@code mvn verify} (failsafe), after the jar is packaged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	static final String PASSWORD = "two-nodes-admin-password";

	Path dir;

	EmbeddedPostgres pg;

	Process nodeA;

	Process nodeB;

	Process nginx;

	int portA;

	int portB;

	int portLb;

	TestClient a;

	TestClient b;

	TestClient lb;

	@BeforeAll
	void start() throws Exception {
		long started = System.nanoTime();
		dir = Files.createTempDirectory("two-nodes");
		pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir.resolve("postgres"))
			.setCleanDataDirectory(true)
			.setServerConfig("max_connections", "60")
			.start();
		portA = freePort();
		portB = freePort();
		portLb = freePort();
		// one after the other: the first migrates the database and creates the administrator
		nodeA = node("a", portA);
		a = ready(nodeA, portA);
		nodeB = node("b", portB);
		b = ready(nodeB, portB);
		nginx = nginx();
		lb = new TestClient("http://127.0.0.1:" + portLb);
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> lb.get("/actuator/health").status() == 200);
		System.out.printf("two nodes and nginx up in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	@AfterAll
	void stop() throws Exception {
		for (Process p : new Process[] { nginx, nodeA, nodeB }) {
			if (p != null && p.isAlive()) {
				p.destroy();
				if (!p.waitFor(15, TimeUnit.SECONDS)) {
					p.destroyForcibly();
				}
			}
		}
		if (pg != null) {
			pg.close();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("alliancehub.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify"))
				.toAbsolutePath();
		}
	}

	private Process node(String name, int port) throws IOException {
		Path data = dir.resolve("node-" + name);
		Files.createDirectories(data);
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar", jar().toString(),
				"--server.port=" + port, "--alliancehub.data=" + data,
				"--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
				"--spring.datasource.hikari.maximum-pool-size=8", "--alliancehub.admin-password=" + PASSWORD,
				"--alliancehub.demo=false", "--server.shutdown=immediate");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("node.log").toFile()).start();
	}

	private TestClient ready(Process node, int port) {
		TestClient c = new TestClient("http://127.0.0.1:" + port);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			assertThat(node.isAlive()).as("node on port %d is running", port).isTrue();
			return c.get("/actuator/health").status() == 200;
		});
		return c.login("admin", PASSWORD);
	}

	private Process nginx() throws IOException {
		Path nx = dir.resolve("nginx");
		Files.createDirectories(nx);
		nx.toFile().setWritable(true, false);
		String conf = """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 256; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  upstream nodes {
				    server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
				    server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
				  }
				  server {
				    listen 127.0.0.1:%4$d;
				    location / {
				      proxy_pass http://nodes;
				      proxy_set_header Host $http_host;
				      proxy_connect_timeout 1s;
				      proxy_next_upstream error timeout;
				    }
				  }
				}
				""".formatted(nx, portA, portB, portLb);
		Files.writeString(nx.resolve("nginx.conf"), conf);
		String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
		return new ProcessBuilder(binary, "-e", nx.resolve("error.log").toString(), "-p", nx.toString(), "-c",
				nx.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(nx.resolve("nginx.out").toFile())
			.start();
	}

	private String alliance(TestClient admin) {
		String slug = "two-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "双节点测试联盟" + slug));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return slug;
	}

	private TestClient.Response publish(TestClient admin, String slug, String title) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", "<p>" + title + "</p>", "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of()));
	}

	private static boolean finds(TestClient c, String slug, String q, long id) {
		var r = c.get("/api/v1/search?alliance=" + slug + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		return r.status() == 200 && r.json().get("items").valueStream().anyMatch(h -> h.get("id").asLong() == id);
	}

	@Test
	@Order(1)
	void aChangeThroughNodeAIsOnNodeBsPageAndInNodeBsSearchWithinOneSecond() {
		String slug = alliance(a);
		String page = "/a/" + slug + "/technology";
		// node B has the page in its cache, without the article
		assertThat(b.get(page).status()).isEqualTo(200);
		TestClient anonymousB = new TestClient("http://127.0.0.1:" + portB);
		assertThat(anonymousB.get(page).body()).doesNotContain("两节点之间的变更");
		// warm: node B has answered this search (and node A this write) once already
		assertThat(finds(anonymousB, slug, "两节点之间的变更", -1)).isFalse();
		assertThat(publish(a, slug, "预热的资讯").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5)).until(() -> anonymousB.get(page).body().contains("预热的资讯"));
		var r = publish(a, slug, "两节点之间的变更");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		long acknowledged = System.nanoTime();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> anonymousB.get(page).body().contains("两节点之间的变更"));
		long onPage = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> finds(anonymousB, slug, "两节点之间的变更", id));
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged);
		System.out.printf("a change through node A was on node B's page after %d ms and in its search after %d ms%n",
				onPage, took);
		assertThat(onPage).isLessThan(1000);
		assertThat(took).isLessThan(1000);
	}

	@Test
	@Order(100)
	void nodeAKilledNodeBKeepsServingWithNoAcknowledgedWriteLost() throws Exception {
		String slug = alliance(lb.login("admin", PASSWORD));
		TestClient admin = lb.login("admin", PASSWORD);
		List<Long> acknowledged = new ArrayList<>();
		int failed = 0;
		for (int i = 0; i < 60; i++) {
			if (i == 20) {
				nodeA.destroyForcibly(); // SIGKILL
				assertThat(nodeA.waitFor(10, TimeUnit.SECONDS)).isTrue();
			}
			TestClient.Response r;
			try {
				r = publish(admin, slug, "杀死节点期间的写入" + i);
			}
			catch (RuntimeException e) {
				failed++;
				continue;
			}
			if (r.status() == 201) {
				acknowledged.add(r.json().get("id").asLong());
			}
			else {
				failed++;
			}
		}
		// writes after the kill go to node B: at most the one in flight at the kill may fail (none was)
		assertThat(failed).as("writes not acknowledged").isLessThanOrEqualTo(1);
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(59);
		for (long id : acknowledged) {
			assertThat(lb.get("/api/v1/articles/" + id).status()).as("acknowledged article %d", id).isEqualTo(200);
			assertThat(b.get("/api/v1/articles/" + id).status()).isEqualTo(200);
		}
		// node B's search holds every acknowledged write, those made through A before it was killed included
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			var r = b.get("/api/v1/search?size=100&alliance=" + slug + "&q="
					+ URLEncoder.encode("杀死节点期间的写入", StandardCharsets.UTF_8));
			return r.status() == 200 && r.json().get("total").asLong() >= acknowledged.size();
		});
		for (int i = 0; i < 20; i++) {
			assertThat(lb.get("/a/" + slug + "/technology").status()).isEqualTo(200);
			assertThat(lb.get("/api/v1/search?q=" + URLEncoder.encode("写入", StandardCharsets.UTF_8)).status()).isEqualTo(200);
		}
	}

	/** A browser's cookies, sent to whichever node is asked. */
	private final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
		.cookieHandler(new java.net.CookieManager())
		.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
		.build();

	private java.net.http.HttpResponse<String> browse(int port, String method, String path, String form) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
		if (form == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(form));
		}
		return browser.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	@Test
	@Order(2)
	void aSessionMovesBetweenNodes() throws Exception {
		String login = browse(portA, "GET", "/login", null).body();
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		var signedIn = browse(portA, "POST", "/login", "username=admin&password=" + PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		// signed in through node A, the same cookie is signed in on node B and through the load balancer
		assertThat(browse(portA, "GET", "/admin/", null).statusCode()).isEqualTo(200);
		assertThat(browse(portB, "GET", "/admin/", null).statusCode()).as("the session on node B").isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(browse(portLb, "GET", "/admin/", null).statusCode()).isEqualTo(200);
		}
	}

	/** A page of node B as an anonymous visitor; {@code fresh}: with a cookie that makes the page cache step aside. */
	private String pageOfB(String path, boolean fresh) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + portB + path));
		if (fresh) {
			request.header("Cookie", "two-nodes=fresh");
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
	}

	@Test
	@Order(4)
	void aChangeOnNodeAThatAPageDoesNotShowLeavesItCachedOnNodeB() throws Exception {
		String slug = alliance(a);
		String page = "/a/" + slug + "/technology";
		var r = publish(a, slug, "节点乙缓存中的标题");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(5)).until(() -> pageOfB(page, false).contains("节点乙缓存中的标题"));
		// the title changes behind the application's back: only a page rendered afresh shows it
		try (var c = pg.getPostgresDatabase().getConnection(); var s = c.prepareStatement("update article set title = ? where id = ?")) {
			s.setString(1, "数据库里改过的标题");
			s.setLong(2, id);
			assertThat(s.executeUpdate()).isEqualTo(1);
		}
		assertThat(pageOfB(page, true)).contains("数据库里改过的标题");
		// changes through node A that the page does not show: a member of the same alliance, a new user
		long org = a.post("/api/v1/organizations", Map.of("name", "会员单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json()
			.get("id")
			.asLong();
		assertThat(a.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER")).status())
			.isIn(200, 201);
		assertThat(a.post("/api/v1/users", Map.of("username", "two" + UUID.randomUUID().toString().substring(0, 8), "displayName",
				"新用户", "email", UUID.randomUUID() + "@example.org", "password", "password-two-nodes", "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status())
			.isEqualTo(201);
		Thread.sleep(1000); // node B has heard of both
		assertThat(pageOfB(page, false)).as("node B's cached page after changes it does not show").contains("节点乙缓存中的标题");
		// a change it shows drops it on node B
		assertThat(publish(a, slug, "又一篇资讯").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
			.until(() -> pageOfB(page, false).contains("数据库里改过的标题"));
	}

	@Test
	@Order(3)
	void aCorrespondenceVotesDeadlineClosesItExactlyOnce() throws Exception {
		String slug = alliance(a);
		long org = a.post("/api/v1/organizations", Map.of("name", "理事单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json()
			.get("id")
			.asLong();
		assertThat(a.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "COUNCIL"))
			.status()).isIn(200, 201);
		var put = a.post("/api/v1/alliances/" + slug + "/motions",
				Map.of("title", "关于两节点的通讯表决", "text", "截止即关闭。", "type", "BUDGET", "ballot", "OPEN", "electorate",
						"COUNCIL", "deadline", java.time.OffsetDateTime.now().plusSeconds(8).toString()));
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		long motion = put.json().get("id").asLong();
		// both nodes check deadlines every 2 s; one closes it, and only once
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> "CLOSED".equals(b.get("/api/v1/motions/" + motion + "/result").json().get("status").asString()));
		Thread.sleep(4000); // more rounds of both nodes' deadline checks
		String line = "closed correspondence vote " + motion + " at its deadline";
		long closings = 0;
		for (String node : List.of("a", "b")) {
			closings += Files.readAllLines(dir.resolve("node-" + node).resolve("node.log")).stream()
				.filter(l -> l.contains(line))
				.count();
		}
		assertThat(closings).as("closings of vote %d in both nodes' logs", motion).isEqualTo(1);
	}

	@Test
	@Order(5)
	void anArticleChangedThroughNodeAIsOnNodeBsFreshArticlePageWithinOneSecond() throws Exception {
		String slug = alliance(a);
		var r = publish(a, slug, "节点乙记在内存里的文章");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.json().get("id").asLong();
		String page = "/a/" + slug + "/articles/" + id;
		await().atMost(Duration.ofSeconds(5)).until(() -> pageOfB(page, true).contains("节点乙记在内存里的文章"));
		assertThat(pageOfB(page, true)).contains("节点乙记在内存里的文章"); // node B keeps the article in memory
		assertThat(a.patch("/api/v1/articles/" + id, Map.of("title", "节点甲改过的文章")).status()).isEqualTo(200);
		long acknowledged = System.nanoTime();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
			.until(() -> pageOfB(page, true).contains("节点甲改过的文章"));
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acknowledged);
		System.out.printf("an article changed through node A was on node B's fresh page after %d ms%n", took);
		assertThat(took).isLessThan(1000);
	}
}
