import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.alliancehub.AllianceHub;
import org.alliancehub.content.ArticlePatch;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Category;
import org.alliancehub.content.NewArticle;
import org.alliancehub.content.Visibility;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live indexing of single changes: articles published and updated one by one through the content module's public
 * face ({@link Articles#create}, {@link Articles#update}), each its own transaction as a user's would be, at a
 * fixed rate (open loop: a change is due at its time whether or not the ones before it are done) for a number of
 * seconds; meanwhile a reader asks the search API, over HTTP, for the unique word each change wrote and notes when
 * the change is found. Reports the changes made per second, the lag from a change's commit to its being found
 * (p50/p99/max), Lucene commits and PostgreSQL commits per change, and every change not found (an error). Run it
 * with bench/feed-bench.sh.
 */
public class FeedBench {

	/** A change: made (committed) at {@code committed}, found by the search API at {@code found}. */
	static final class Change {

		final int n;

		final String word;

		final String bucket;

		volatile long id;

		volatile long due;

		volatile long committed;

		volatile long found;

		/** When the sampler last asked for it. */
		volatile long asked;

		/** Whether the sampler follows it (its lag is measured). */
		volatile boolean tracked;

		volatile String error;

		Change(int n) {
			this.n = n;
			this.word = "zq" + letters(n);
			this.bucket = "zs" + letters(n / 100);
		}
	}

	static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	public static void main(String[] args) throws Exception {
		int[] rates = Arrays.stream((args.length > 0 ? args[0] : "500").split(",")).mapToInt(Integer::parseInt).toArray();
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int threads = Integer.getInteger("threads", 32);
		Path data = Files.createTempDirectory("alliancehub-feed-bench");
		System.out.printf("live indexing benchmark: rates %s changes/s, %d s each, %d client threads, %d cores%n",
				Arrays.toString(rates), seconds, threads, Runtime.getRuntime().availableProcessors());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Articles articles = app.getBean(Articles.class);
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			Alliance alliance = app.getBean(Alliances.class)
				.create(new NewAlliance("feed-bench", "实时索引测试联盟", "实时索引联盟", "索引", null, null, null, null, null));
			// Articles the updates change, made before the measurement; each is updated once every few seconds at most.
			int pool = 2000;
			long[] updatable = new long[pool];
			ExecutorService seeding = Executors.newFixedThreadPool(8);
			for (int i = 0; i < pool; i++) {
				int k = i;
				seeding.execute(() -> updatable[k] = articles.create(alliance.id(), article("更新池文章 " + k, "<p>预先发布的资讯</p>")).id());
			}
			seeding.shutdown();
			seeding.awaitTermination(10, TimeUnit.MINUTES);
			HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
			int first = 0;
			for (int rate : rates) {
				// let the index take in the seeding (and the previous run) before measuring
				Thread.sleep(3000);
				first = run(rate, seconds, threads, first, alliance, articles, updatable, http, port, jdbc, data);
			}
		}
		System.exit(0); // the HTTP client's threads would keep the JVM
	}

	static int run(int rate, int seconds, int threads, int first, Alliance alliance, Articles articles, long[] updatable,
			HttpClient http, int port, JdbcTemplate jdbc, Path data) throws Exception {
		int total = rate * seconds;
		Change[] changes = new Change[total];
		for (int i = 0; i < total; i++) {
			changes[i] = new Change(first + i);
		}
		Map<Long, Change> pendingById = new ConcurrentHashMap<>();
		// each article's last committed change: an update followed by the sampler may be overwritten by the next
		// update of its article (every 8 s at 500/s) before it is found; the index then holds the later one (read
		// after this change's commit), which the sampler asks for instead (stop 24: before, such a change was
		// counted as never found)
		Map<Long, Change> lastOfArticle = new ConcurrentHashMap<>();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger skipped = new AtomicInteger();
		AtomicInteger made = new AtomicInteger();
		long commitsBefore = luceneCommits(data);
		long pgBefore = pgCommits(jdbc);
		long walBefore = walSyncs(jdbc);
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		System.out.printf("%nrate %d/s: window start %.3f%n", rate, System.currentTimeMillis() / 1000.0);
		long start = System.nanoTime();
		// The reader: a paced sampler that never queues. It follows at most TRACK changes at a time: when one is found
		// (or given up), it takes the newest change handed to a client thread, and asks the search API for its own
		// word (one hit: the highlighter then reads one document) every POLL ms after its commit until found, at most
		// SEARCHES searches a second in all, one at a time. A sampler that asked for every tenth change in order fell
		// behind whenever a search took longer than the changes came (30 ms each on a loaded machine), and measured
		// its own queue, not the index; this one measures fewer changes, each from its commit. Its rate is reported.
		// Every change is checked at the end, by the words it shares with the others of its hundred.
		AtomicLong madeAt = new AtomicLong();
		AtomicLong searches = new AtomicLong();
		AtomicInteger searchErrors = new AtomicInteger();
		long poll = Long.getLong("poll", 50) * 1_000_000L;
		int perSecond = Integer.getInteger("searches", 100);
		int track = Integer.getInteger("track", 4);
		long gap = 1_000_000_000L / Math.max(1, perSecond);
		AtomicInteger dispatched = new AtomicInteger(-1);
		var reading = new Thread(() -> {
			List<Change> tracking = new ArrayList<>();
			int taken = -1;
			long nextSearch = System.nanoTime();
			while (true) {
				long now = System.nanoTime();
				long allMade = madeAt.get();
				tracking.removeIf(c -> c.found != 0 || c.error != null
						|| (c.committed != 0 && now - c.committed > 30_000_000_000L));
				if (allMade != 0 && (tracking.isEmpty() || now - allMade > 30_000_000_000L)) {
					return; // what is not found 30 s after its commit is counted as never found
				}
				int newest = dispatched.get();
				if (allMade == 0 && tracking.size() < track && newest > taken) {
					taken = newest;
					changes[newest].tracked = true;
					tracking.add(changes[newest]);
				}
				try {
					Change due = null;
					for (Change c : tracking) {
						if (c.committed != 0 && now - Math.max(c.committed, c.asked) >= poll
								&& (due == null || Math.max(c.committed, c.asked) < Math.max(due.committed, due.asked))) {
							due = c;
						}
					}
					if (due == null) {
						Thread.sleep(1);
						continue;
					}
					if (nextSearch > now) {
						TimeUnit.NANOSECONDS.sleep(nextSearch - now);
					}
					nextSearch = Math.max(nextSearch + gap, System.nanoTime() - gap);
					due.asked = System.nanoTime();
					Change last = lastOfArticle.getOrDefault(due.id, due);
					String word = last.committed >= due.committed ? last.word : due.word;
					if (ids(http, port, word + "&size=1", searches, searchErrors).contains(due.id)) {
						due.found = System.nanoTime();
					}
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "reader");
		long searchStart = System.nanoTime();
		reading.start();
		for (int i = 0; i < total; i++) {
			long due = start + (long) i * 1_000_000_000L / rate;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			Change c = changes[i];
			c.due = due;
			dispatched.set(i);
			workers.execute(() -> {
				if (System.nanoTime() - c.due > 10_000_000_000L) {
					// more than 10 s behind its time: the rate is not sustained; not made, so that a run ends in time
					c.error = "skipped";
					skipped.incrementAndGet();
					return;
				}
				try {
					String body = "<p>实时索引的单条变更 " + c.word + " " + c.bucket + "</p>";
					if (c.n % 2 == 0) {
						var a = articles.create(alliance.id(), article("实时索引资讯 " + c.n, body));
						c.id = a.id();
					}
					else {
						long id = updatable[(c.n / 2) % updatable.length];
						c.id = id;
						articles.update(id, new ArticlePatch(null, null, null, null, null, null, body, null, null, null));
					}
					pendingById.put(c.id, c);
					c.committed = System.nanoTime();
					lastOfArticle.merge(c.id, c, (x, y) -> x.committed >= y.committed ? x : y);
					made.incrementAndGet();
				}
				catch (RuntimeException e) {
					c.error = e.toString();
					failed.incrementAndGet();
				}
			});
		}
		workers.shutdown();
		workers.awaitTermination(5, TimeUnit.MINUTES);
		long madeNanos = System.nanoTime() - start;
		madeAt.set(System.nanoTime());
		reading.join();
		double searchRate = searches.get() / ((System.nanoTime() - searchStart) / 1e9);
		double windowEnd = System.currentTimeMillis() / 1000.0;
		long commits = luceneCommits(data) - commitsBefore;
		long pg = pgCommits(jdbc) - pgBefore;
		long wal = walSyncs(jdbc) - walBefore;
		// Every change is checked at the end: the article of each change that is its article's last must be among the
		// hits for the word of the change's hundred (an update superseded by a later one of the same article is
		// checked through the later one), and its own word finds it for one change in 50.
		int lost = 0;
		List<String> lostExamples = new ArrayList<>();
		Map<Long, Change> latest = new java.util.HashMap<>();
		for (Change c : changes) {
			if (c.error == null) {
				latest.merge(c.id, c, (x, y) -> x.n > y.n ? x : y);
			}
		}
		Map<String, List<Change>> byBucket = new java.util.TreeMap<>();
		latest.values().forEach(c -> byBucket.computeIfAbsent(c.bucket, k -> new ArrayList<>()).add(c));
		long checkUntil = System.nanoTime() + 30_000_000_000L;
		for (List<Change> bucket : byBucket.values()) {
			List<Change> missing = bucket;
			do {
				List<Long> hits = ids(http, port, bucket.get(0).bucket + "&size=100", new AtomicLong(), new AtomicInteger());
				missing = missing.stream().filter(c -> !hits.contains(c.id)).toList();
			}
			while (!missing.isEmpty() && System.nanoTime() < checkUntil && sleep(100));
			lost += missing.size();
			missing.stream().limit(5 - Math.min(5, lostExamples.size())).forEach(c -> lostExamples.add(c.bucket + " (article " + c.id + ")"));
		}
		int own = 0;
		for (Change c : latest.values()) {
			if (c.n % 50 == 0) {
				own++;
				if (!ids(http, port, c.word, new AtomicLong(), new AtomicInteger()).contains(c.id)) {
					lost++;
					lostExamples.add(c.word + " (article " + c.id + ")");
				}
			}
		}
		List<Double> lags = new ArrayList<>();
		int unseen = 0;
		double dueLate = 0;
		List<Double> latency = new ArrayList<>();
		for (Change c : changes) {
			if (c.error != null) {
				continue;
			}
			latency.add((c.committed - c.due) / 1e6);
			if (!c.tracked) {
				continue; // not followed by the sampler
			}
			if (c.found == 0) {
				unseen++;
				lags.add(Double.POSITIVE_INFINITY); // in the percentiles as never (stop 24)
			}
			else {
				lags.add(Math.max(0, c.found - c.committed) / 1e6);
			}
		}
		double[] lag = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] lat = latency.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("rate %d/s: window end %.3f%n", rate, windowEnd);
		System.out.printf("asked %d changes/s for %d s: made %,d (%,.0f changes/s), failed %d, skipped %d (over 10 s late); from due to committed p50 %.1f ms p99 %.1f ms max %.1f ms%n",
				rate, seconds, made.get(), made.get() / (madeNanos / 1e9), failed.get() - 0, skipped.get(), pct(lat, 50), pct(lat, 99), pct(lat, 100));
		System.out.printf("lag commit -> found by the search API: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (never found counted as infinite; %d changes followed at a time, each asked for every %d ms after its commit until found: %,d found, %d never found within 30 s; %,d searches at %.0f/s (at most %d/s), %d failed)%n",
				pct(lag, 50), pct(lag, 90), pct(lag, 99), pct(lag, 100), track, poll / 1_000_000, lag.length - unseen, unseen, searches.get(), searchRate,
				perSecond, searchErrors.get());
		System.out.printf("checked again: %d of %,d articles' last changes not found by their hundred's word (and %d by their own) %s%n", lost, latest.size(), own, lostExamples);
		System.out.printf("Lucene commits %d (%.4f per change); PostgreSQL commits %,d (%.2f per change), WAL syncs %,d (%.3f per change)%n",
				commits, commits / (double) Math.max(1, made.get()), pg, pg / (double) Math.max(1, made.get()), wal,
				wal / (double) Math.max(1, made.get()));
		if (failed.get() > 0) {
			System.out.println("first failure: " + Arrays.stream(changes).filter(c -> c.error != null && !c.error.equals("skipped")).findFirst().get().error);
		}
		return first + total;
	}

	static NewArticle article(String title, String body) {
		return new NewArticle(title, Category.TECHNOLOGY, null, null, null, List.of(), body, ArticleStatus.PUBLISHED,
				Visibility.PUBLIC);
	}

	static List<Long> ids(HttpClient http, int port, String q, AtomicLong searches, AtomicInteger errors) {
		try {
			searches.incrementAndGet();
			String query = q.contains("&") ? URLEncoder.encode(q.substring(0, q.indexOf('&')), StandardCharsets.UTF_8)
					+ q.substring(q.indexOf('&')) : URLEncoder.encode(q, StandardCharsets.UTF_8);
			HttpResponse<String> r = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?q=" + query)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				errors.incrementAndGet();
				return List.of();
			}
			List<Long> ids = new ArrayList<>();
			Matcher m = ID.matcher(r.body());
			while (m.find()) {
				ids.add(Long.parseLong(m.group(1)));
			}
			return ids;
		}
		catch (Exception e) {
			errors.incrementAndGet();
			return List.of();
		}
	}

	/** The number of commits of the index's current generation (its segments_N). */
	static long luceneCommits(Path data) throws Exception {
		Path index = data.resolve("index");
		String current = Files.readString(index.resolve("CURRENT")).strip();
		try (var dir = FSDirectory.open(index.resolve(current))) {
			return SegmentInfos.getLastCommitGeneration(dir);
		}
	}

	static long pgCommits(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
	}

	/** The WAL's syncs to disk (pg_stat_wal, PostgreSQL 14 and later; -1 when not kept). */
	static long walSyncs(JdbcTemplate jdbc) {
		try {
			return jdbc.queryForObject("select wal_sync from pg_stat_wal", Long.class);
		}
		catch (RuntimeException e) {
			return -1;
		}
	}

	static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException e) {
			return false;
		}
	}

	static String letters(int n) {
		StringBuilder s = new StringBuilder();
		do {
			s.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return s.toString();
	}

	static double pct(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}
}
