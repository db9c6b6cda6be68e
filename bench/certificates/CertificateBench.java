import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.alliancehub.AllianceHub;
import org.alliancehub.certification.internal.Canonical;
import org.alliancehub.certification.internal.SigningKeys;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Certificate verification at scale: N certificates (default 1,000,000), each signed with the alliance's real key
 * over its canonical text (with its first status change, signed too, and the state signature over both), COPYed into the embedded PostgreSQL; a sample
 * of answers checked (valid, intact, the right holder and dates, an unknown number 404); then public verification
 * by number over HTTP: a paced run at a fixed rate (default 500/s for 30 s, latency measured from the moment each
 * request was due, so a stall is not hidden) and a closed run with 16 connections for the most it sustains.
 * Run with bench/certificates-bench.sh; the public rate limit is turned off for the run (one client address).
 */
public class CertificateBench {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("client")) {
			client(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Long.parseLong(args[5]));
			System.exit(0); // the HTTP client's threads would keep the JVM alive
		}
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
		// a budget for loading (s, 0 = none): the loader stops after the batch that crosses it and the run goes on
		// with what was loaded, saying so (the machine is shared; a benchmark run stays under 10 minutes)
		int loadBudget = args.length > 3 ? Integer.parseInt(args[3]) : 0;
		// CERT_BENCH_DATA=<dir> keeps the data directory: a later run on it measures without loading again
		String keep = System.getenv("CERT_BENCH_DATA");
		Path data = keep == null || keep.isBlank() ? Files.createTempDirectory("alliancehub-certificate-bench")
				: Files.createDirectories(Path.of(keep));
		Path marker = data.resolve("bench-loaded");
		boolean reuse = Files.exists(marker);
		System.out.printf("certificate benchmark: %,d certificates, %d verifications/s for %d s, heap max %d MB, %d cores%n", n,
				rate, seconds, Runtime.getRuntime().maxMemory() / 1024 / 1024, Runtime.getRuntime().availableProcessors());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--alliancehub.certification.public-reads-per-second=0",
				"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			SigningKeys keys = app.getBean(SigningKeys.class);
			DataSource ds = app.getBean(DataSource.class);
			long holder;
			long t0 = System.nanoTime();
			int asked = n;
			if (reuse) {
				n = Integer.parseInt(Files.readString(marker).strip());
				try (Connection c = ds.getConnection(); var s = c.createStatement()) {
					var rs = s.executeQuery("select id from organization where name = '中成泵业（基准）'");
					rs.next();
					holder = rs.getLong(1);
				}
				System.out.printf("reusing %,d certificates loaded earlier in %s%n", n, data);
			}
			else {
				Alliance alliance = app.getBean(Alliances.class)
					.create(new NewAlliance("bench-cert", "渣浆泵产业技术创新战略联盟", "渣浆泵联盟", "渣浆泵", null, null, null, null, null));
				try (Connection c = ds.getConnection(); var s = c.createStatement()) {
					var rs = s.executeQuery("insert into organization (name, type) values ('中成泵业（基准）', 'ENTERPRISE') returning id");
					rs.next();
					holder = rs.getLong(1);
				}
				n = load(ds, keys, alliance.id(), holder, n, loadBudget);
				if (keep != null && !keep.isBlank()) {
					Files.writeString(marker, Integer.toString(n));
				}
			}
			if (!reuse && n < asked) {
				System.out.printf("load budget of %d s reached: %,d of %,d certificates loaded; measuring with these%n", loadBudget, n,
						asked);
			}
			double loadSeconds = (System.nanoTime() - t0) / 1e9;
			if (!reuse) {
				System.out.printf("signed and loaded %,d certificates (with their first status change) in %.1f s: %,.0f per second%n", n,
						loadSeconds, n / loadSeconds);
			}

			// the client runs in a JVM of its own (its own heap and collector), as a real visitor's would
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process client = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
					CertificateBench.class.getName(), "client", Integer.toString(port), Integer.toString(n), Integer.toString(rate),
					Integer.toString(seconds), Long.toString(holder))
				.inheritIO()
				.start();
			if (client.waitFor() != 0) {
				throw new IllegalStateException("the client process failed with " + client.exitValue());
			}
		}
		System.exit(0); // the HTTP client's threads would keep the JVM alive
	}

	/** The measuring client, in its own JVM: answers checked, warm-up, then paced and closed runs. */
	static void client(int port, int n, int rate, int seconds, long holder) throws Exception {
		String base = "http://127.0.0.1:" + port + "/api/v1/certificates/";
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4)).build();
		// the answers are checked, not only their status
		Random random = new Random(7);
		int checked = 0;
		for (int i = 0; i < 200; i++) {
			int k = random.nextInt(n);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + number(k))).build(),
					HttpResponse.BodyHandlers.ofString());
			String b = r.body();
			if (r.statusCode() != 200 || !b.contains("\"number\":\"" + number(k) + "\"") || !b.contains("\"valid\":true")
					|| !b.contains("\"intact\":true") || !b.contains("\"validUntil\":\"" + validUntil(k) + "\"")
					|| !b.contains("\"holderOrganizationId\":" + holder + ",")) {
				throw new IllegalStateException("wrong answer for " + number(k) + ": " + r.statusCode() + " " + b);
			}
			checked++;
		}
		int unknown = http.send(HttpRequest.newBuilder(URI.create(base + "BENCH-NO-SUCH")).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
		if (unknown != 404) {
			throw new IllegalStateException("unknown number answered " + unknown);
		}
		System.out.printf("answers checked: %d random certificates valid, intact, right number, holder and dates; unknown number 404%n",
				checked);
		String path = "/api/v1/certificates/";
		String host = "127.0.0.1";
		// warm-up: a few thousand certificates of their own (seed 3), JIT and pools
		closed(host, port, path, n, 8, 10, 3);
		String css = "http://127.0.0.1:" + port + "/css/site.css";
		int cssStatus = http.send(HttpRequest.newBuilder(URI.create(css)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
		if (cssStatus != 200) {
			throw new IllegalStateException("baseline " + css + " answered " + cssStatus);
		}
		// paced warm-up of both paths (other certificates: seed 5), so the first measured run does not pay for it
		paced(host, port, "warm-up, not a measurement: static file", k -> "/css/site.css", n, rate, 10, 5, b -> true);
		paced(host, port, "warm-up, not a measurement: certificates", k -> path + number(k), n, rate, 10, 5,
				b -> b.contains("\"valid\":true"));
		System.out.printf("load average before measuring: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
		// side by side, one after the other: a static file of the same server (the baseline), then certificates
		// never read before (each needs its Ed25519 check), then the same certificates again (remembered)
		paced(host, port, "baseline: static file /css/site.css", k -> "/css/site.css", n, rate, seconds, 11, b -> true);
		paced(host, port, "certificates read for the first time", k -> path + number(k), n, rate, seconds, 11,
				b -> b.contains("\"valid\":true"));
		paced(host, port, "the same certificates read again", k -> path + number(k), n, rate, seconds, 11,
				b -> b.contains("\"valid\":true"));
		closed(host, port, path, n, 16, 15, 100);
		System.out.printf("load average after measuring: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
	}

	static String number(int k) {
		return String.format("BENCH-CERT-QC-2026-%07d", k);
	}

	static LocalDate issuedOn(int k) {
		return LocalDate.of(2024, 1, 1).plusDays(k % 700);
	}

	static LocalDate validUntil(int k) {
		return issuedOn(k).plusYears(3);
	}

	/** Signs on every core and COPYs in batches of 50,000: certificates, then their first status change. */
	static int load(DataSource ds, SigningKeys keys, long alliance, long holder, int n, int budgetSeconds) throws Exception {
		long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
		int loaded = 0;
		int batch = 50_000;
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try (Connection c = ds.getConnection()) {
			long firstId;
			try (var s = c.createStatement()) {
				var rs = s.executeQuery("select coalesce(max(id), 0) + 1 from certification_certificate");
				rs.next();
				firstId = rs.getLong(1);
			}
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (int from = 0; from < n; from += batch) {
				int to = Math.min(n, from + batch);
				int parts = Runtime.getRuntime().availableProcessors();
				List<Future<String[]>> futures = new ArrayList<>();
				int size = (to - from + parts - 1) / parts;
				for (int p = 0; p < parts; p++) {
					int a = from + p * size;
					int b = Math.min(to, a + size);
					long idBase = firstId;
					futures.add(pool.submit(() -> rows(keys, alliance, holder, idBase, a, b)));
				}
				StringBuilder certs = new StringBuilder();
				StringBuilder changes = new StringBuilder();
				for (Future<String[]> f : futures) {
					String[] r = f.get();
					certs.append(r[0]);
					changes.append(r[1]);
				}
				copy.copyIn("copy certification_certificate (id, number, alliance_id, kind, holder_organization_id, holder_name, "
						+ "subject, standard_number, scope, issued_on, valid_until, issuer, signature, state_signature) from stdin",
						new java.io.ByteArrayInputStream(certs.toString().getBytes(StandardCharsets.UTF_8)));
				copy.copyIn("copy certification_status_change (certificate_id, seq, status, effective_on, reason, changed_by, "
						+ "signature) from stdin", new java.io.ByteArrayInputStream(changes.toString().getBytes(StandardCharsets.UTF_8)));
				System.out.printf("  %,d loaded (%s)%n", to, Files.readString(Path.of("/proc/loadavg")).strip());
				loaded = to;
				if (budgetSeconds > 0 && System.nanoTime() > deadline) {
					break;
				}
			}
			try (var s = c.createStatement()) {
				s.execute("select setval('certification_certificate_id_seq', (select max(id) from certification_certificate))");
				s.execute("analyze certification_certificate");
				s.execute("analyze certification_status_change");
			}
		}
		finally {
			pool.shutdown();
		}
		return loaded;
	}

	static String[] rows(SigningKeys keys, long alliance, long holder, long firstId, int from, int to) {
		StringBuilder certs = new StringBuilder((to - from) * 400);
		StringBuilder changes = new StringBuilder((to - from) * 200);
		HexFormat hex = HexFormat.of();
		String holderName = "中成泵业（基准）";
		String issuer = "渣浆泵产业技术创新战略联盟";
		String by = "基准 (bench)";
		for (int k = from; k < to; k++) {
			String number = number(k);
			String subject = "渣浆泵资质 " + k;
			String standard = "T/CGMA 001—2026";
			String scope = "渣浆泵的设计、生产与检测";
			String canonical = Canonical.certificate(number, alliance, "QUALIFICATION", holder, holderName, null, subject,
					standard, scope, issuedOn(k), validUntil(k), issuer);
			long id = firstId + k;
			byte[] signature = keys.sign(alliance, canonical);
			String change = Canonical.statusChange(number, 0, "VALID", issuedOn(k), "issued", by);
			byte[] state = keys.sign(alliance, Canonical.state(java.util.Base64.getEncoder().encodeToString(signature), canonical,
					List.of(change)));
			certs.append(id).append('\t').append(number).append('\t').append(alliance).append("\tQUALIFICATION\t")
				.append(holder).append('\t').append(holderName).append('\t').append(subject).append('\t').append(standard)
				.append('\t').append(scope).append('\t').append(issuedOn(k)).append('\t').append(validUntil(k)).append('\t')
				.append(issuer).append("\t\\\\x").append(hex.formatHex(signature)).append("\t\\\\x")
				.append(hex.formatHex(state)).append('\n');
			changes.append(id).append("\t0\tVALID\t").append(issuedOn(k)).append("\tissued\t").append(by).append("\t\\\\x")
				.append(hex.formatHex(keys.sign(alliance, change))).append('\n');
		}
		return new String[] { certs.toString(), changes.toString() };
	}

	/**
	 * Requests due at a fixed rate, open loop: a pacer queues each request at its due time, 32 keep-alive connections
	 * (plain sockets, HTTP/1.1) take them in turn, and latency runs from the due time to the end of the answer, so a
	 * request waiting for a free connection is counted as waiting.
	 */
	static void paced(String host, int port, String label, java.util.function.IntFunction<String> path, int n, int rate,
			int seconds, long seed, java.util.function.Predicate<String> right) throws Exception {
		int total = rate * seconds;
		long[] latencies = new long[total];
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Random random = new Random(seed);
		var queue = new java.util.concurrent.LinkedBlockingQueue<long[]>();
		String[] targets = new String[total];
		for (int i = 0; i < total; i++) {
			targets[i] = path.apply(random.nextInt(n));
		}
		int connections = 32;
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		var finished = new java.util.concurrent.CountDownLatch(total);
		for (int c = 0; c < connections; c++) {
			pool.submit(() -> {
				RawHttp http = new RawHttp(host, port);
				while (true) {
					long[] job = queue.take();
					if (job[0] < 0) {
						break;
					}
					int slot = (int) job[0];
					try {
						String body = http.get(targets[slot]);
						if (http.status != 200 || !right.test(body)) {
							errors.incrementAndGet();
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
						http.close();
					}
					latencies[slot] = System.nanoTime() - job[1];
					done.incrementAndGet();
					finished.countDown();
				}
				http.close();
				return null;
			});
		}
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				java.util.concurrent.locks.LockSupport.parkNanos(wait);
			}
			queue.add(new long[] { i, due });
		}
		finished.await(60, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		for (int c = 0; c < connections; c++) {
			queue.add(new long[] { -1, 0 });
		}
		pool.shutdown();
		Arrays.sort(latencies);
		System.out.printf("%s: paced %d/s for %d s: %,d requests completed in %.1f s (%.0f/s), %d errors; latency from due time p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms -> target p99 < 10 ms and >= 500/s with 0 errors: %s%n",
				label, rate, seconds, done.get(), elapsed, done.get() / elapsed, errors.get(), latencies[total / 2] / 1e6,
				latencies[total * 9 / 10] / 1e6, latencies[total * 99 / 100] / 1e6, latencies[total - 1] / 1e6,
				latencies[total * 99 / 100] < 10_000_000L && errors.get() == 0 && done.get() / elapsed >= 500 * 0.98 ? "met"
						: "MISSED");
	}

	/**
	 * One keep-alive HTTP/1.1 connection over a plain socket: GET, then the whole answer (length or chunked). When the
	 * server closes the connection after an answer (Tomcat does after 100 requests), the next request opens a new one.
	 */
	static final class RawHttp {

		final String host;

		final int port;

		java.net.Socket socket;

		java.io.BufferedInputStream in;

		java.io.OutputStream out;

		int status;

		RawHttp(String host, int port) {
			this.host = host;
			this.port = port;
		}

		private void open() throws java.io.IOException {
			socket = new java.net.Socket(host, port);
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(10_000);
			in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
			out = socket.getOutputStream();
		}

		String get(String path) throws java.io.IOException {
			if (socket == null) {
				open();
			}
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String statusLine = line();
			status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean last = false;
			for (String h = line(); !h.isEmpty(); h = line()) {
				String lower = h.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("connection:") && lower.contains("close")) {
					last = true;
				}
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
					body.write(in.readNBytes(size));
					line();
				}
				line();
			}
			else if (length >= 0) {
				body.write(in.readNBytes((int) length));
			}
			else {
				throw new java.io.IOException("an answer without a length");
			}
			if (last) {
				close();
			}
			return body.toString(StandardCharsets.UTF_8);
		}

		private String line() throws java.io.IOException {
			StringBuilder b = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new java.io.EOFException();
				}
				if (c != '\r') {
					b.append((char) c);
				}
			}
			return b.toString();
		}

		void close() {
			try {
				if (socket != null) {
					socket.close();
				}
			}
			catch (java.io.IOException e) {
				// closing a connection that failed
			}
			socket = null;
		}

	}

	/** {@code connections} clients one request after another for {@code seconds}: the most the server sustains. */
	static void closed(String host, int port, String base, int n, int connections, int seconds, int seed) throws Exception {
		AtomicLong count = new AtomicLong();
		AtomicInteger errors = new AtomicInteger();
		List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		long start = System.nanoTime();
		for (int c = 0; c < connections; c++) {
			int mySeed = seed + c;
			pool.submit(() -> {
				Random random = new Random(mySeed);
				List<Long> mine = new ArrayList<>();
				RawHttp http = new RawHttp(host, port);
				while (System.nanoTime() < end) {
					long t = System.nanoTime();
					try {
						String body = http.get(base + number(random.nextInt(n)));
						if (http.status != 200 || !body.contains("\"valid\":true")) {
							errors.incrementAndGet();
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
						http.close();
					}
					mine.add(System.nanoTime() - t);
					count.incrementAndGet();
				}
				http.close();
				all.addAll(mine);
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] l = all.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("closed, %d connections for %d s: %,d requests, %.0f/s, %d errors; p50 %.2f ms, p99 %.2f ms%n", connections,
				seconds, count.get(), count.get() / elapsed, errors.get(), l[l.length / 2] / 1e6, l[l.length * 99 / 100] / 1e6);
	}
}
