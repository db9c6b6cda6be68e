package org.alliancehub.governance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.alliancehub.AllianceHub;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process is killed ({@code kill -9}) while votes are arriving (eight of them held, by a lock the
 * test takes on the ballot log, between their vote row and their log entry) and started again on the same data
 * directory: every vote that was answered 201 is counted after the restart, its receipt verifies, the ballot
 * log verifies, and the votes whose answer was lost can be sent again and are counted exactly once. The
 * embedded PostgreSQL outlives the killed JVM; the restart must cope with it by itself.
 */
class CrashDuringVotingIntegrationTests {

	static final int VOTERS = 45;

	static final String ADMIN_PASSWORD = "crash-admin-password";

	static final String[] CHOICES = { "YES", "NO", "ABSTAIN" };

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path data;

	private final List<Process> started = new ArrayList<>();

	record Voter(long organizationId, String token) {
	}

	/** What a vote request came back with: a status, or no answer at all because the server died. */
	record Outcome(int status, String body) {

		boolean unanswered() {
			return status < 0;
		}
	}

	@Test
	void everyVoteAnswered201SurvivesAKillOfTheServer() throws Exception {
		Server first = start();
		TestClient admin = first.client().login("admin", ADMIN_PASSWORD);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", "crash-vote", "name", "断电表决联盟")).status())
			.isEqualTo(201);
		List<Voter> voters = voters(admin, first.client());
		long meeting = admin.post("/api/v1/alliances/crash-vote/meetings", Map.of("kind", "COUNCIL", "term", 1,
				"session", 1, "startsAt", "2026-11-23T09:30:00+08:00", "mode", "ONLINE", "onlineUrl",
				"https://meeting.example.org/crash"))
			.json().get("id").asLong();
		for (Voter v : voters) {
			assertThat(admin.post("/api/v1/meetings/" + meeting + "/attendance",
					Map.of("organizationId", v.organizationId(), "present", true)).status()).isEqualTo(200);
		}
		long motion = admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "停电时的表决"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(200);

		// Votes arrive from eight clients at once. A third of them is answered; then the ballot log is held locked
		// from outside, so that the next votes stop inside their transactions (each has written its vote row and
		// waits to append to the log), and the server is killed with eight of them in flight. Nothing is left to
		// timing: which votes were answered and which were cut off is known before the kill.
		Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
		List<Voter> order = new ArrayList<>(voters);
		Collections.shuffle(order, new java.util.Random(7));
		List<Voter> beforeTheLock = order.subList(0, VOTERS / 3);
		List<Voter> inFlight = order.subList(VOTERS / 3, VOTERS);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> sent = new ArrayList<>();
		for (Voter v : beforeTheLock) {
			sent.add(pool.submit(() -> outcomes.put(v.organizationId(), vote(first.base(), v, motion))));
		}
		for (Future<?> f : sent) {
			f.get(60, TimeUnit.SECONDS);
		}
		long postmaster = postmasterPid().orElseThrow();
		try (Connection lock = DriverManager.getConnection(
				"jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres", "postgres", "")) {
			lock.setAutoCommit(false);
			try (Statement st = lock.createStatement()) {
				st.execute("lock table ballot_log in exclusive mode");
			}
			List<Future<?>> held = new ArrayList<>();
			for (Voter v : inFlight) {
				held.add(pool.submit(() -> outcomes.put(v.organizationId(), vote(first.base(), v, motion))));
			}
			assertThat(waitingTransactions(lock, 8, Duration.ofSeconds(30))).as("votes stopped inside their transactions")
				.isEqualTo(8);
			first.process().destroyForcibly().waitFor();
			for (Future<?> f : held) {
				f.get(60, TimeUnit.SECONDS);
			}
			lock.rollback();
		}
		pool.shutdown();
		for (Voter v : beforeTheLock) {
			assertThat(outcomes.get(v.organizationId()).status()).as(outcomes.get(v.organizationId()).body()).isEqualTo(201);
		}
		for (Voter v : inFlight) {
			assertThat(outcomes.get(v.organizationId()).unanswered()).as("vote of %d answered", v.organizationId()).isTrue();
		}

		Map<Long, String> receipts = new java.util.HashMap<>();
		List<Voter> unanswered = new ArrayList<>();
		for (Voter v : voters) {
			Outcome o = outcomes.get(v.organizationId());
			if (o.unanswered()) {
				unanswered.add(v);
			}
			else {
				assertThat(o.status()).as(o.body()).isEqualTo(201);
				receipts.put(v.organizationId(), JSON.readTree(o.body()).get("receipt").asString());
			}
		}
		assertThat(receipts).as("votes answered 201 before the kill").hasSizeGreaterThanOrEqualTo(VOTERS / 3);
		assertThat(unanswered).as("votes the kill left without an answer").isNotEmpty();
		// The JVM is gone, its PostgreSQL is not: it still holds the data directory.
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM")
			.contains(true);

		Server second = start();
		assertThat(postmasterPid()).as("a new postgres serves the restarted server").isPresent().get().isNotEqualTo(postmaster);
		// the motion's result and log are read by those taking part and the secretariat: here the administrator
		TestClient anonymous = second.client().login("admin", ADMIN_PASSWORD);
		JsonNode result = anonymous.get("/api/v1/motions/" + motion + "/result").json();
		Map<Long, String> counted = new java.util.HashMap<>();
		result.get("votes").forEach(v -> counted.put(v.get("organizationId").asLong(), v.get("choice").asString()));
		for (Map.Entry<Long, String> answered : receipts.entrySet()) {
			assertThat(counted).containsEntry(answered.getKey(), choiceOf(answered.getKey()));
			assertThat(anonymous.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", answered.getValue())).status())
				.as("receipt of organisation %d", answered.getKey()).isEqualTo(200);
		}
		assertThat(result.get("cast").asInt()).isEqualTo(counted.size()).isBetween(receipts.size(), VOTERS);
		assertThat(counted.keySet()).as("a vote whose transaction the kill cut off is not counted")
			.isEqualTo(receipts.keySet());
		JsonNode verification = anonymous.get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("entries").asInt()).isEqualTo(counted.size());

		// Who got no answer sends the vote again: it is counted now, or it was counted before the kill (409).
		for (Voter v : unanswered) {
			Outcome again = vote(second.base(), v, motion);
			assertThat(again.status()).as(again.body())
				.isEqualTo(counted.containsKey(v.organizationId()) ? 409 : 201);
		}
		JsonNode after = anonymous.get("/api/v1/motions/" + motion + "/result").json();
		assertThat(after.get("cast").asInt()).isEqualTo(VOTERS);
		assertThat(after.get("yes").asInt())
			.isEqualTo((int) voters.stream().filter(v -> choiceOf(v.organizationId()).equals("YES")).count());
		JsonNode verified = anonymous.get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(verified.get("valid").asBoolean()).isTrue();
		assertThat(verified.get("entries").asInt()).isEqualTo(VOTERS);
	}

	@AfterEach
	void stopEverything() throws Exception {
		for (Process p : started) {
			p.destroy();
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly().waitFor();
			}
		}
		// Never leave a postgres behind, whatever happened above.
		Optional<Long> pid = postmasterPid();
		if (pid.isPresent()) {
			Optional<ProcessHandle> postgres = ProcessHandle.of(pid.get());
			if (postgres.isPresent()) {
				postgres.get().destroy();
				postgres.get().onExit().get(30, TimeUnit.SECONDS);
			}
		}
	}

	private static String choiceOf(long organizationId) {
		return CHOICES[(int) (organizationId % 3)];
	}

	private Outcome vote(String base, Voter v, long motion) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/motions/" + motion + "/votes"))
			.header("Authorization", "Bearer " + v.token())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choiceOf(v.organizationId()) + "\"}"))
			.build();
		try {
			HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Outcome(r.statusCode(), r.body());
		}
		catch (IOException e) {
			return new Outcome(-1, e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome(-1, e.toString());
		}
	}

	/** Organisations on the council of the alliance, each with a representative signed in, set up four at a time. */
	private List<Voter> voters(TestClient admin, TestClient anonymous) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Voter>> futures = new ArrayList<>();
			for (int i = 0; i < VOTERS; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					long org = admin.post("/api/v1/organizations", Map.of("name", "表决单位" + n, "type", "ENTERPRISE"))
						.json().get("id").asLong();
					assertThat(admin.post("/api/v1/alliances/crash-vote/members",
							Map.of("organizationId", org, "role", "COUNCIL")).status()).isEqualTo(201);
					String username = "voter" + n;
					assertThat(admin.post("/api/v1/users", Map.of("username", username, "displayName", "代表" + n,
							"password", "password-" + username, "roles",
							List.of(Map.of("role", "MEMBER_REP", "organizationId", org)))).status()).isEqualTo(201);
					var token = anonymous.post("/api/v1/auth/token",
							Map.of("username", username, "password", "password-" + username));
					assertThat(token.status()).isEqualTo(200);
					return new Voter(org, token.json().get("token").asString());
				}));
			}
			List<Voter> voters = new ArrayList<>();
			for (Future<Voter> f : futures) {
				voters.add(f.get());
			}
			return voters;
		}
		finally {
			pool.shutdown();
		}
	}

	record Server(Process process, int port) {

		String base() {
			return "http://127.0.0.1:" + port;
		}

		TestClient client() {
			return new TestClient(base());
		}
	}

	/** Starts the application as a process of its own on the data directory and waits until it is healthy. */
	private Server start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = data.resolve("server-" + started.size() + ".log");
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), AllianceHub.class.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		started.add(p);
		Server server = new Server(p, port);
		// generous: on a shared, loaded machine a cold start of a second JVM has taken over a minute
		Instant deadline = Instant.now().plusSeconds(180);
		while (true) {
			if (!p.isAlive()) {
				throw new AssertionError("the server exited with " + p.exitValue() + ":\n" + Files.readString(log));
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("the server did not become healthy within 180 s:\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return server;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(200);
		}
	}

	/** The port postgres wrote into the data directory (the fourth line of {@code postmaster.pid}). */
	private int postgresPort() throws IOException {
		return Integer.parseInt(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
	}

	/** Waits until this many other transactions wait for a lock, or the time is up; answers how many do. */
	private static int waitingTransactions(Connection c, int wanted, Duration within) throws Exception {
		Instant deadline = Instant.now().plus(within);
		int waiting = 0;
		while (Instant.now().isBefore(deadline)) {
			try (Statement st = c.createStatement();
					ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
							+ " and pid <> pg_backend_pid()")) {
				rs.next();
				waiting = rs.getInt(1);
			}
			if (waiting >= wanted) {
				return waiting;
			}
			Thread.sleep(50);
		}
		return waiting;
	}

	/** The process id postgres wrote into the data directory, if it is running. */
	private Optional<Long> postmasterPid() throws IOException {
		Path pid = data.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		long n = Long.parseLong(Files.readAllLines(pid).get(0).strip());
		return ProcessHandle.of(n).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
	}
}
