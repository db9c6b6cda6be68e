import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mailing to 20,000 subscribers through a real SMTP server (GreenMail, in this process) with the server JVM
 * killed ({@code kill -9}) mid-send and started again on the same data directory: afterwards every subscriber
 * must have received the issue exactly once (GreenMail counts the mails per address). Run it with
 * bench/mailing-bench.sh [subscribers] [mails per second, 0 = unthrottled] [kill after this share sent].
 */
public class MailingBench {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final String PASSWORD = "bench-admin-password";

	public static void main(String[] args) throws Exception {
		int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		String perSecond = args.length > 1 ? args[1] : "0";
		double killAt = args.length > 2 ? Double.parseDouble(args[2]) : 0.4;
		Path data = Files.createTempDirectory("alliancehub-mailing-bench");
		GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
		smtp.start();
		Process server = null;
		try {
			int port = freePort();
			server = start(data, port, smtp.getSmtp().getPort(), perSecond, 0);
			String base = "http://127.0.0.1:" + port;
			String token = post(base, null, "/api/v1/auth/token", Map.of("username", "admin", "password", PASSWORD))
				.get("token").asString();
			post(base, token, "/api/v1/alliances", Map.of("slug", "bench-mail", "name", "简报邮件基准联盟"));
			long briefing = post(base, token, "/api/v1/alliances/bench-mail/briefings", Map.of("issueNumber", 140,
					"title", "第140期", "publishedOn", "2026-12-05", "body", "<p>联盟年会在京召开。</p>")).get("id").asLong();
			String db = "jdbc:postgresql://127.0.0.1:" + postgresPort(data) + "/postgres";
			try (Connection c = DriverManager.getConnection(db, "postgres", "");
					PreparedStatement st = c.prepareStatement("""
							insert into mailing_subscriber (alliance_id, email, confirmed_at)
							select a.id, 'reader' || g || '@bench.example.net', now() from alliance a, generate_series(1, ?) g
							where a.slug = 'bench-mail'""")) {
				st.setInt(1, subscribers);
				st.executeUpdate();
			}
			long t0 = System.nanoTime();
			JsonNode mailing = post(base, token, "/api/v1/briefings/" + briefing + "/mailings", Map.of());
			long id = mailing.get("id").asLong();
			System.out.printf("mailing %d created with %d recipients (outbox snapshot) in %d ms%n", id,
					mailing.get("total").asLong(), (System.nanoTime() - t0) / 1_000_000);
			long killWhen = (long) (subscribers * killAt);
			while (smtp.getReceivedMessages().length < killWhen) {
				Thread.sleep(20);
			}
			// a crash does not wait for a mail to arrive: the kill comes a random moment later, not right after a
			// delivery (which would aim it at the window between the SMTP server's acceptance and the commit)
			long delay = new java.util.Random().nextInt(300);
			Thread.sleep(delay);
			long beforeKill = smtp.getReceivedMessages().length;
			server.destroyForcibly().waitFor();
			System.out.printf("kill -9 %d ms after the %d-th mail arrived%n", delay, killWhen);
			double firstRun = (System.nanoTime() - t0) / 1e9;
			System.out.printf("server killed (kill -9) after %.1f s with %d mails received%n", firstRun, beforeKill);

			long t1 = System.nanoTime();
			server = start(data, port, smtp.getSmtp().getPort(), perSecond, 1);
			token = post(base, null, "/api/v1/auth/token", Map.of("username", "admin", "password", PASSWORD))
				.get("token").asString();
			JsonNode progress;
			do {
				Thread.sleep(200);
				progress = get(base, token, "/api/v1/mailings/" + id);
			}
			while (progress.get("pending").asLong() > 0);
			double resumed = (System.nanoTime() - t1) / 1e9;
			// A row is SENT from just before its final dot, and GreenMail stores a mail after replying to the dot: the
			// last mails are still on their way when nothing is pending. Count once GreenMail has had 5 s without a new mail.
			int atDone = smtp.getReceivedMessages().length;
			int seen;
			int now = atDone;
			long quietSince = System.nanoTime();
			while (System.nanoTime() - quietSince < 5_000_000_000L) {
				Thread.sleep(250);
				seen = now;
				now = smtp.getReceivedMessages().length;
				if (now != seen) {
					quietSince = System.nanoTime();
				}
			}
			System.out.printf("mails that arrived after nothing was pending any more: %d%n", now - atDone);
			System.out.printf("restarted and finished in %.1f s: total %d, sent %d, failed %d%n", resumed,
					progress.get("total").asLong(), progress.get("sent").asLong(), progress.get("failed").asLong());

			Map<String, Integer> perAddress = new HashMap<>();
			Map<String, java.util.Set<String>> idsPerAddress = new HashMap<>();
			for (MimeMessage m : smtp.getReceivedMessages()) {
				String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
				perAddress.merge(to, 1, Integer::sum);
				idsPerAddress.computeIfAbsent(to, k -> new java.util.HashSet<>()).add(m.getMessageID());
			}
			System.out.printf("addresses with more than one distinct Message-ID (duplicates a receiver cannot recognise): %d%n",
					idsPerAddress.values().stream().filter(ids -> ids.size() > 1).count());
			long twice = perAddress.values().stream().filter(n -> n > 1).count();
			long missing = subscribers - perAddress.size();
			// rows committed SENT whose server reply was never recorded: the kill came between the commit and the
			// reply to the final dot (see mailing.internal.Sender); each is either delivered or one of the "never"
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort(data) + "/postgres",
					"postgres", "");
					PreparedStatement st = c.prepareStatement(
							"select email from mailing_outbox where mailing_id = ? and status = 'SENT' and accepted_at is null")) {
				st.setLong(1, id);
				java.util.List<String> unconfirmed = new java.util.ArrayList<>();
				try (var rs = st.executeQuery()) {
					while (rs.next()) {
						unconfirmed.add(rs.getString(1));
					}
				}
				System.out.printf("rows SENT without the server's reply recorded (killed after the commit): %d, of them delivered: %d%n",
						unconfirmed.size(), unconfirmed.stream().filter(perAddress::containsKey).count());
			}
			System.out.printf("addresses reached: %d of %d; received twice: %d; never: %d%n", perAddress.size(),
					subscribers, twice, missing);
			System.out.println(twice == 0 && missing == 0 ? "OK: every subscriber received the issue exactly once"
					: "NOT EXACTLY ONCE (see received twice / never)");
		}
		finally {
			if (server != null) {
				server.destroy();
				server.waitFor();
			}
			smtp.stop();
		}
	}

	static Process start(Path data, int port, int smtpPort, String perSecond, int run) throws Exception {
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "org.alliancehub.AllianceHub", "--server.port=" + port,
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=" + PASSWORD, "--logging.level.root=WARN", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort, "--alliancehub.mailing.per-second=" + perSecond,
				"--alliancehub.mailing.senders=4")
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("server-" + run + ".log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
						+ "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return p;
				}
			}
			catch (java.io.IOException e) {
				// not up yet
			}
			if (!p.isAlive()) {
				throw new IllegalStateException("the server died: see " + data.resolve("server-" + run + ".log"));
			}
			Thread.sleep(300);
		}
		throw new IllegalStateException("the server did not start");
	}

	static int postgresPort(Path data) throws Exception {
		return Integer.parseInt(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip());
	}

	static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static JsonNode post(String base, String token, String path, Object body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
		}
		return JSON.readTree(r.body());
	}

	static JsonNode get(String base, String token, String path) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(r.body());
	}
}
