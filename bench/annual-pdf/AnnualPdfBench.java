import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.alliancehub.AllianceHub;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The network's annual report for N alliances (default 100) rendered to PDF: the alliances get five years of
 * generated records (AnnualBench.load), the network requests the reports of 2025, every alliance's
 * secretariat (here the administrator) writes its summary and plan and submits it through the API, then the
 * PDF is made in the background (POST …/pdf-jobs) while its progress is polled and printed, and downloaded.
 * The target: under 30 s from the start of the job to the file. Run it with bench/annual-pdf-bench.sh.
 */
public class AnnualPdfBench {

	static final int YEAR = 2025;

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path data = Files.createTempDirectory("alliancehub-annual-pdf-bench");
		System.out.printf("annual report PDF benchmark: %,d alliances, heap max %d MB, %d cores%n", n,
				Runtime.getRuntime().maxMemory() / 1024 / 1024, Runtime.getRuntime().availableProcessors());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			DataSource ds = app.getBean(DataSource.class);
			long t0 = System.nanoTime();
			long rows = AnnualBench.load(ds, n);
			System.out.printf("generated %,d records in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
			List<String> slugs = new ArrayList<>();
			try (Connection c = ds.getConnection(); Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select slug from alliance where slug like 'bench-%' order by id")) {
				while (rs.next()) {
					slugs.add(rs.getString(1));
				}
			}
			String base = "http://127.0.0.1:" + port;
			HttpClient http = HttpClient.newHttpClient();
			String token = AnnualBench.token(http, base);
			send(http, token, "POST", base + "/api/v1/report-requests",
					"{\"year\":" + YEAR + ",\"deadline\":\"" + OffsetDateTime.now().plusDays(30) + "\"}", 201);
			t0 = System.nanoTime();
			String summary = ("本年度联盟召开理事会和专题工作会议，组织成员单位开展技术交流、标准制定和成果转化工作，"
					+ "发布联盟动态与简报，完成年度调查并形成统计报告。").repeat(8);
			String plan = "明年计划：加强标准体系建设，推进重点项目合作，开展成员单位培训与交流活动。".repeat(6);
			for (String slug : slugs) {
				String path = base + "/api/v1/alliances/" + slug + "/annual-reports/" + YEAR;
				send(http, token, "PATCH", path, "{\"summary\":\"" + summary + "\",\"plan\":\"" + plan + "\",\"version\":0}", 200);
				send(http, token, "POST", path + "/submit", "", 200);
			}
			System.out.printf("%d reports written and submitted over the API in %.1f s%n", slugs.size(), (System.nanoTime() - t0) / 1e9);

			double best = Double.MAX_VALUE;
			for (int run = 1; run <= runs; run++) {
				long t = System.nanoTime();
				HttpResponse<String> started = send(http, token, "POST", base + "/api/v1/network/annual-reports/" + YEAR + "/pdf-jobs", "", 202);
				String job = started.headers().firstValue("Location").orElseThrow();
				String state = "";
				String last = "";
				while (!state.equals("DONE")) {
					Thread.sleep(200);
					String body = send(http, token, "GET", base + job, null, 200).body();
					state = field(body, "state");
					if (state.equals("FAILED")) {
						throw new IllegalStateException(body);
					}
					String line = field(body, "stage") + " " + number(body, "percent") + "%";
					if (!line.equals(last)) {
						System.out.printf("  run %d  %5.1f s  %s%n", run, (System.nanoTime() - t) / 1e9, line);
						last = line;
					}
				}
				HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(base + job + "/report.pdf"))
					.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
				double s = (System.nanoTime() - t) / 1e9;
				if (file.statusCode() != 200 || !new String(file.body(), 0, 5).equals("%PDF-")) {
					throw new IllegalStateException("no PDF: " + file.statusCode());
				}
				System.out.printf("run %d: %d reports -> PDF of %.1f MB in %.1f s (job start to file downloaded)%n", run,
						slugs.size(), file.body().length / 1e6, s);
				best = Math.min(best, s);
			}
			System.out.printf("load average while measuring: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
			System.out.println("target: under 30 s -> " + (best < 30 ? "met" : "MISSED") + " (best of " + runs + ": "
					+ String.format("%.1f s", best) + ")");
		}
	}

	static HttpResponse<String> send(HttpClient http, String token, String method, String url, String json, int expected)
			throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
		if (json != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			b.GET();
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
		}
		return r;
	}

	static String field(String body, String name) {
		int i = body.indexOf("\"" + name + "\":");
		if (i < 0) {
			return "";
		}
		i += name.length() + 3;
		if (body.charAt(i) != '"') {
			return "";
		}
		return body.substring(i + 1, body.indexOf('"', i + 1));
	}

	static String number(String body, String name) {
		int i = body.indexOf("\"" + name + "\":") + name.length() + 3;
		int j = i;
		while (j < body.length() && Character.isDigit(body.charAt(j))) {
			j++;
		}
		return body.substring(i, j);
	}
}
