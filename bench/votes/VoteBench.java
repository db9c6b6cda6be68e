import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.alliancehub.AllianceHub;
import org.alliancehub.identity.Tokens;
import org.alliancehub.identity.Users;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thousand voting organisations vote on one motion over HTTP, each sending its vote twice at the same
 * instant; every vote must be counted exactly once, every double refused (409), and the ballot log must give
 * the totals. Everything the voters need (organisations, council seats, representatives, their tokens,
 * the meeting, attendance, the motion) is set up through the API as well, several requests at a time.
 * Run it with bench/vote-bench.sh.
 */
public class VoteBench {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String[] CHOICES = { "YES", "NO", "ABSTAIN" };

	static HttpClient http;

	static String base;

	static final long T0 = System.nanoTime();

	public static void main(String[] args) throws Exception {
		int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		int setupThreads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		Path data = Files.createTempDirectory("alliancehub-vote-bench");
		boolean ok = false;
		ExecutorService clientThreads = Executors.newFixedThreadPool(threads + setupThreads, daemon());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--logging.level.root=WARN")) {
			base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			http = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(10)).build();
			phase("server started");
			String admin = token("admin", "bench-admin-password");
			check(post(admin, "/api/v1/alliances", Map.of("slug", "vote-bench", "name", "表决压测联盟")), 201);

			long setup = System.nanoTime();
			long[] organizations = new long[voters];
			String[] bearer = new String[voters];
			parallel(voters, setupThreads, i -> {
				organizations[i] = check(post(admin, "/api/v1/organizations",
						Map.of("name", "表决单位" + i, "type", "ENTERPRISE")), 201).get("id").asLong();
				check(post(admin, "/api/v1/alliances/vote-bench/members",
						Map.of("organizationId", organizations[i], "role", "COUNCIL")), 201);
				return null;
			});
			phase(String.format("%,d organisations on the council", voters), setup);
			long users = System.nanoTime();
			Tokens tokens = app.getBean(Tokens.class);
			Users accounts = app.getBean(Users.class);
			parallel(voters, setupThreads, i -> {
				check(post(admin, "/api/v1/users", Map.of("username", "voter" + i, "displayName", "代表" + i,
						"password", "voter-password-" + i,
						"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", organizations[i])))), 201);
				// The token is issued in-process, as a sign-in would issue it, without checking the password
				// a second time: that would only measure bcrypt again (bench/README.md).
				bearer[i] = tokens.issue(accounts.loadUserByUsername("voter" + i)).token();
				return null;
			});
			phase(String.format("%,d representatives created, each with a bearer token", voters), users);
			long meetingStart = System.nanoTime();
			long meeting = check(post(admin, "/api/v1/alliances/vote-bench/meetings", Map.of("kind", "COUNCIL",
					"term", 1, "session", 1, "startsAt", "2026-11-23T09:30:00+08:00", "mode", "ONLINE",
					"onlineUrl", "https://meeting.example.org/bench")), 201).get("id").asLong();
			// Each check-in answers the whole meeting (every participant): only its status is looked at here.
			parallel(voters, setupThreads, i -> expect(post(admin, "/api/v1/meetings/" + meeting + "/attendance",
					Map.of("organizationId", organizations[i], "present", true)), 200));
			long motion = check(post(admin, "/api/v1/meetings/" + meeting + "/motions", Map.of("title", "压测议案",
					"ballot", System.getenv().getOrDefault("BALLOT", "OPEN"))), 201)
				.get("id").asLong();
			check(post(admin, "/api/v1/motions/" + motion + "/open", Map.of()), 200);
			phase("meeting called, attendance taken, motion opened", meetingStart);
			System.out.printf("setup: %,d voting organisations with their representatives in %.1f s%n", voters,
					(System.nanoTime() - setup) / 1e9);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			System.out.printf("events still being handled in the background when voting starts: %d%n",
					jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single());

			// The vote phase: each organisation's representative sends its vote twice at the same instant.
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < voters; i++) {
				order.add(i);
			}
			Collections.shuffle(order, new java.util.Random(1));
			AtomicInteger created = new AtomicInteger();
			AtomicInteger conflicts = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			AtomicInteger pairsWithOne201 = new AtomicInteger();
			double[] latencies = new double[2 * voters];
			AtomicInteger slots = new AtomicInteger();
			// Meanwhile, what the database sessions do, sampled every 10 ms on a connection of its own.
			LockSampler sampler = new LockSampler(app.getBean(javax.sql.DataSource.class));
			sampler.start();
			long start = System.nanoTime();
			parallel(voters, threads, k -> {
				int voter = order.get(k);
				HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/motions/" + motion + "/votes"))
					.header("Authorization", "Bearer " + bearer[voter])
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(60))
					.POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + CHOICES[voter % 3] + "\"}"))
					.build();
				long t = System.nanoTime();
				CompletableFuture<Integer> first = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
					.thenApply(r -> {
						latencies[slots.getAndIncrement()] = (System.nanoTime() - t) / 1e6;
						return r.statusCode();
					});
				CompletableFuture<Integer> second = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
					.thenApply(r -> {
						latencies[slots.getAndIncrement()] = (System.nanoTime() - t) / 1e6;
						return r.statusCode();
					});
				int a = first.join();
				int b = second.join();
				for (int status : new int[] { a, b }) {
					(status == 201 ? created : status == 409 ? conflicts : other).incrementAndGet();
				}
				if (a + b == 201 + 409 && (a == 201 || b == 201)) {
					pairsWithOne201.incrementAndGet();
				}
				return null;
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			sampler.stop();
			Arrays.sort(latencies);
			System.out.printf("%,d vote requests (each organisation twice, at the same instant) in %.2f s: %,.0f requests/s, %,.0f counted votes/s%n",
					2 * voters, seconds, 2 * voters / seconds, created.get() / seconds);
			System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies[latencies.length / 2],
					latencies[(int) Math.ceil(0.99 * latencies.length) - 1], latencies[latencies.length - 1]);
			System.out.printf("answers: 201 × %,d, 409 × %,d, other × %,d; organisations with exactly one 201 and one 409: %,d%n",
					created.get(), conflicts.get(), other.get(), pairsWithOne201.get());

			System.out.printf("database sessions during the vote phase, on average: %.1f running a statement, %.1f waiting for a lock (the motion's row), %.1f idle in a transaction (%d samples)%n",
					sampler.average("active"), sampler.average("lock"), sampler.average("idle in transaction"), sampler.samples);
			JsonNode result = check(post(admin, "/api/v1/motions/" + motion + "/close", Map.of()), 200);
			// the log is read by those taking part in the meeting and its secretariat (anonymous callers get 404)
			JsonNode verification = check(get(admin, "/api/v1/motions/" + motion + "/ballot-log/verification"), 200);
			int expectedYes = (voters + 2) / 3;
			System.out.printf("result: yes %d, no %d, abstain %d (cast %d); ballot log: %d entries, valid %s, totals match %s%n",
					result.get("yes").asInt(), result.get("no").asInt(), result.get("abstain").asInt(),
					result.get("cast").asInt(), verification.get("entries").asInt(), verification.get("valid").asBoolean(),
					verification.get("matchesResult").asBoolean());
			ok = created.get() == voters && conflicts.get() == voters && other.get() == 0
					&& pairsWithOne201.get() == voters && result.get("cast").asInt() == voters
					&& result.get("yes").asInt() == expectedYes && verification.get("valid").asBoolean()
					&& verification.get("entries").asInt() == voters;
			System.out.println("every vote counted exactly once, every double refused, log verified: " + (ok ? "yes" : "NO"));
			System.out.println("vote phase within 10 s: " + (seconds <= 10 ? "yes" : "no"));
		}
		finally {
			clientThreads.shutdownNow();
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		System.exit(ok ? 0 : 1);
	}

	/** Samples pg_stat_activity: how many sessions run a statement, wait for a lock, sit idle in a transaction. */
	static final class LockSampler implements Runnable {

		final java.sql.Connection connection;

		final Map<String, Long> totals = new java.util.concurrent.ConcurrentHashMap<>();

		volatile boolean running = true;

		volatile int samples;

		Thread thread;

		LockSampler(javax.sql.DataSource pool) throws java.sql.SQLException {
			String url;
			try (var c = pool.getConnection()) {
				url = c.getMetaData().getURL();
			}
			connection = java.sql.DriverManager.getConnection(url, "postgres", "");
		}

		void start() {
			thread = new Thread(this, "lock-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		void stop() throws Exception {
			running = false;
			thread.join();
			connection.close();
		}

		double average(String what) {
			return samples == 0 ? 0 : totals.getOrDefault(what, 0L) / (double) samples;
		}

		@Override
		public void run() {
			try (var statement = connection.prepareStatement("select "
					+ "count(*) filter (where state = 'active' and wait_event_type is distinct from 'Lock'), "
					+ "count(*) filter (where wait_event_type = 'Lock'), "
					+ "count(*) filter (where state = 'idle in transaction') "
					+ "from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
				while (running) {
					try (var rs = statement.executeQuery()) {
						rs.next();
						totals.merge("active", rs.getLong(1), Long::sum);
						totals.merge("lock", rs.getLong(2), Long::sum);
						totals.merge("idle in transaction", rs.getLong(3), Long::sum);
						samples++;
					}
					Thread.sleep(10);
				}
			}
			catch (Exception e) {
				System.out.println("lock sampler stopped: " + e);
			}
		}
	}

	/** Runs {@code work} for 0..n-1 on {@code threads} threads; the first failure stops the benchmark. */
	static void parallel(int n, int threads, IntFunction<Object> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads, daemon());
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int k = i;
				futures.add(pool.submit(() -> work.apply(k)));
			}
			for (Future<Object> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static java.util.concurrent.ThreadFactory daemon() {
		return r -> {
			Thread t = new Thread(r);
			t.setDaemon(true);
			return t;
		};
	}

	static void phase(String what) {
		System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - T0) / 1e9, what);
	}

	static void phase(String what, long since) {
		System.out.printf("[%6.1f s] %s (%.1f s)%n", (System.nanoTime() - T0) / 1e9, what, (System.nanoTime() - since) / 1e9);
	}

	static String token(String username, String password) {
		return check(post(null, "/api/v1/auth/token", Map.of("username", username, "password", password)), 200)
			.get("token").asString();
	}

	record Answer(int status, String body) {
	}

	static Answer post(String token, String path, Object body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return send(b);
	}

	static Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	static Answer get(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
	}

	static Answer send(HttpRequest.Builder b) {
		try {
			HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(r.statusCode(), r.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static JsonNode check(Answer a, int expected) {
		return JSON.readTree(expect(a, expected).body());
	}

	static Answer expect(Answer a, int expected) {
		if (a.status() != expected) {
			throw new IllegalStateException("expected " + expected + " but got " + a.status() + ": " + a.body());
		}
		return a;
	}
}
