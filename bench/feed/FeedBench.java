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

		/** Whether a search for it is under way (the sampler asks for it again only once that one has answered). */
		volatile boolean inFlight;

		/** When the search that found it began: the index held it then (the answer came {@link #found}). */
		volatile long foundAsked;

		/** Whether the sampler follows it (its lag is measured). */
		volatile boolean tracked;

		/**
		 * Whether the sampler once asked for a word that was not the one in the article's row in the database then (the
		 * word of the article's change last committed by the clients' clocks, stop 24's choice, when another update of
		 * the same article committed about the same time).
		 */
		volatile boolean askedAnOldWord;

		volatile String error;

		Change(int n) {
			this.n = n;
			// ending in a letter no English suffix ends in: the index's Porter stemmer made 1,866 of the first 30,000
			// words one term with another's ("zqviiy" and "zqvii" both "zqvii"), and the sampler, asking for one hit,
			// got the other (newer) article and never found the one it followed (stop 26)
			this.word = "zq" + letters(n) + "q";
			this.bucket = "zs" + letters(n / 100) + "q";
		}
	}

	/** The application's feed follower, whose positions the bench watches. */
	static Object follower;

	static org.alliancehub.platform.DatabaseNotifications notifications;

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
			follower = follower(app);
			notifications = app.getBean(org.alliancehub.platform.DatabaseNotifications.class);
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
		// SEARCHES searches a second in all (since stop 26 each followed change's on a thread of its own). A sampler that asked for every tenth change in order fell
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
		// the searches' own times, and the word each asks for: the one in the article's row in the database now (the
		// index can only hold it from a read made after the followed change's commit), unless -Dsampler=clocks, which
		// asks for the word of the article's change last committed by the client threads' clocks (stop 24 to 25)
		List<Long> searchNanos = java.util.Collections.synchronizedList(new ArrayList<>());
		boolean byClocks = "clocks".equals(System.getProperty("sampler"));
		ExecutorService askers = Executors.newFixedThreadPool(track);
		var reading = new Thread(() -> {
			java.sql.Connection db;
			try {
				db = notifications.connectionOfItsOwn();
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
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
						if (c.committed != 0 && !c.inFlight && now - Math.max(c.committed, c.asked) >= poll
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
					String byClock = last.committed >= due.committed ? last.word : due.word;
					String inRow = wordInRow(db, due.id);
					if (inRow != null && !inRow.equals(byClock)) {
						due.askedAnOldWord = true;
					}
					String word = byClocks || inRow == null ? byClock : inRow;
					// each search on a thread of its own: one slow answer (seconds on a loaded machine) held up the
					// searches for the other followed changes behind it (stop 26)
					Change asking = due;
					asking.inFlight = true;
					askers.execute(() -> {
						long asked = System.nanoTime();
						if (ids(http, port, word + "&size=1", searches, searchErrors).contains(asking.id)) {
							asking.foundAsked = asked;
							asking.found = System.nanoTime();
						}
						searchNanos.add(System.nanoTime() - asked);
						asking.inFlight = false;
					});
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "reader");
		// The follower's own progress against the feed (stop 26): every 20 ms the feed's committed head and the
		// follower's read position (everything through it written and refreshed: searchable) and settled position
		// (no gap below it). From these, the time from a head's commit being seen to the follower having it searchable,
		// which tells the follower's lag apart from the sampler's and the search API's.
		List<long[]> progress = java.util.Collections.synchronizedList(new ArrayList<>());
		var watching = new Thread(() -> {
			// on a connection of its own: the writers hold every pooled one
			try (var c = notifications.connectionOfItsOwn();
					var head = c.prepareStatement("select coalesce(max(position), 0) from search_feed")) {
				while (madeAt.get() == 0 || reading.isAlive()) {
					try (var rs = head.executeQuery()) {
						rs.next();
						progress.add(new long[] { System.nanoTime(), rs.getLong(1), field(follower, "high"), field(follower, "settled") });
					}
					Thread.sleep(20);
				}
			}
			catch (InterruptedException | java.sql.SQLException e) {
				System.out.println("watching the follower stopped: " + e);
			}
		}, "watching");
		watching.setDaemon(true);
		watching.start();
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
		askers.shutdown();
		askers.awaitTermination(30, TimeUnit.SECONDS);
		watching.join();
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
		List<Double> indexLags = new ArrayList<>();
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
				indexLags.add(Double.POSITIVE_INFINITY);
			}
			else {
				lags.add(Math.max(0, c.found - c.committed) / 1e6);
				indexLags.add(Math.max(0, c.foundAsked - c.committed) / 1e6);
			}
		}
		double[] lag = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] indexLag = indexLags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] lat = latency.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("rate %d/s: window end %.3f%n", rate, windowEnd);
		System.out.printf("asked %d changes/s for %d s: made %,d (%,.0f changes/s), failed %d, skipped %d (over 10 s late); from due to committed p50 %.1f ms p99 %.1f ms max %.1f ms%n",
				rate, seconds, made.get(), made.get() / (madeNanos / 1e9), failed.get() - 0, skipped.get(), pct(lat, 50), pct(lat, 99), pct(lat, 100));
		System.out.printf("lag commit -> found by the search API: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (never found counted as infinite; %d changes followed at a time, each asked for every %d ms after its commit until found: %,d found, %d never found within 30 s; %,d searches at %.0f/s (at most %d/s), %d failed)%n",
				pct(lag, 50), pct(lag, 90), pct(lag, 99), pct(lag, 100), track, poll / 1_000_000, lag.length - unseen, unseen, searches.get(), searchRate,
				perSecond, searchErrors.get());
		System.out.printf("lag commit -> start of the search that found it (the index held it then; without the search's own time, stop 26): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				pct(indexLag, 50), pct(indexLag, 90), pct(indexLag, 99), pct(indexLag, 100));
		System.out.println(followerLag(progress, start, madeNanos));
		System.out.println(sampledAgainstFollower(progress, changes));
		double[] took = searchNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
		System.out.printf("sampler (%s): its searches took p50 %.0f ms, p99 %.0f ms, max %.0f ms; followed changes for which it once asked a word not in the article's row: %d of %d, of which never found: %d%n",
				byClocks ? "asks the word of the change last committed by the clients' clocks" : "asks the word in the article's row",
				pct(took, 50), pct(took, 99), pct(took, 100),
				Arrays.stream(changes).filter(c -> c.tracked && c.askedAnOldWord).count(),
				Arrays.stream(changes).filter(c -> c.tracked).count(),
				Arrays.stream(changes).filter(c -> c.tracked && c.askedAnOldWord && c.found == 0).count());
		System.out.printf("checked again: %d of %,d articles' last changes not found by their hundred's word (and %d by their own) %s%n", lost, latest.size(), own, lostExamples);
		System.out.printf("Lucene commits %d (%.4f per change); PostgreSQL transactions committed, read-only ones included, %,d (%.2f per change); WAL syncs to disk %,d (%.3f per change)%n",
				commits, commits / (double) Math.max(1, made.get()), pg, pg / (double) Math.max(1, made.get()), wal,
				wal / (double) Math.max(1, made.get()));
		if (failed.get() > 0) {
			System.out.println("first failure: " + Arrays.stream(changes).filter(c -> c.error != null && !c.error.equals("skipped")).findFirst().get().error);
		}
		return first + total;
	}

	/**
	 * For each sample of the feed's head taken while changes were made: how long until the follower had read (and
	 * made searchable) everything through it, and until it had settled it (no gap below); and the largest backlog.
	 */
	static String followerLag(List<long[]> progress, long start, long madeNanos) {
		List<long[]> p = new ArrayList<>(progress);
		List<Double> read = new ArrayList<>();
		List<Double> settled = new ArrayList<>();
		long backlog = 0;
		for (int i = 0; i < p.size(); i++) {
			long[] s = p.get(i);
			if (s[0] < start || s[0] > start + madeNanos) {
				continue;
			}
			backlog = Math.max(backlog, s[1] - s[2]);
			double r = Double.POSITIVE_INFINITY;
			double d = Double.POSITIVE_INFINITY;
			for (int j = i; j < p.size() && (r == Double.POSITIVE_INFINITY || d == Double.POSITIVE_INFINITY); j++) {
				if (r == Double.POSITIVE_INFINITY && p.get(j)[2] >= s[1]) {
					r = (p.get(j)[0] - s[0]) / 1e6;
				}
				if (d == Double.POSITIVE_INFINITY && p.get(j)[3] >= s[1]) {
					d = (p.get(j)[0] - s[0]) / 1e6;
				}
			}
			read.add(r);
			settled.add(d);
		}
		double[] r = read.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] d = settled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(
				"follower: feed head (committed) -> read and searchable p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; -> settled p50 %.0f ms, p99 %.0f ms; largest backlog %,d positions (%d samples every 20 ms)",
				pct(r, 50), pct(r, 90), pct(r, 99), pct(r, 100), pct(d, 50), pct(d, 99), backlog, r.length);
	}

	/**
	 * For each change the sampler followed: when the follower had read (and made searchable) the feed through the
	 * head seen at the first sample after the change's commit (so through the change), against when the sampler found
	 * it. Tells whether a long lag is the follower's or the sampler's and the search API's.
	 */
	static String sampledAgainstFollower(List<long[]> progress, Change[] changes) {
		List<long[]> p = new ArrayList<>(progress);
		List<Double> follower = new ArrayList<>();
		List<Double> after = new ArrayList<>();
		for (Change c : changes) {
			if (!c.tracked || c.committed == 0 || c.error != null) {
				continue;
			}
			int i = 0;
			while (i < p.size() && p.get(i)[0] < c.committed) {
				i++;
			}
			if (i == p.size()) {
				continue;
			}
			long head = p.get(i)[1];
			double read = Double.POSITIVE_INFINITY;
			for (int j = i; j < p.size(); j++) {
				if (p.get(j)[2] >= head) {
					read = (p.get(j)[0] - c.committed) / 1e6;
					break;
				}
			}
			follower.add(read);
			double found = c.found == 0 ? Double.POSITIVE_INFINITY : (c.found - c.committed) / 1e6;
			after.add(found - read);
		}
		double[] f = follower.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] a = after.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(
				"followed changes (%d): commit -> the follower has read through them p50 %.0f ms, p90 %.0f ms, max %.0f ms; then -> found by the sampler p50 %.0f ms, p90 %.0f ms, max %.0f ms",
				f.length, pct(f, 50), pct(f, 90), pct(f, 100), pct(a, 50), pct(a, 90), pct(a, 100));
	}

	static final Pattern WORD = Pattern.compile("zq[a-z]+");

	/** The change's word in the article's row now (null for a seeded body), read on the sampler's own connection. */
	static String wordInRow(java.sql.Connection db, long id) {
		try (var st = db.prepareStatement("select body from article where id = ?")) {
			st.setLong(1, id);
			try (var rs = st.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				Matcher m = WORD.matcher(rs.getString(1));
				return m.find() ? m.group() : null;
			}
		}
		catch (java.sql.SQLException e) {
			return null;
		}
	}

	static Object follower(ConfigurableApplicationContext app) {
		try {
			return app.getBean(Class.forName("org.alliancehub.search.internal.FeedFollower"));
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A long field of the follower, read for the bench (the follower's thread writes it). */
	static long field(Object follower, String name) {
		try {
			var f = follower.getClass().getDeclaredField(name);
			f.setAccessible(true);
			return f.getLong(follower);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
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

	/**
	 * The WAL's syncs to disk, the durable commits' real cost: PostgreSQL 18 counts them in pg_stat_io (object
	 * {@code wal}, every process), 14 to 17 in pg_stat_wal; -1 when neither is kept. Unlike pg_stat_database's
	 * xact_commit, which counts every transaction, read-only ones (a poll, a SELECT in autocommit) included.
	 */
	static long walSyncs(JdbcTemplate jdbc) {
		for (String sql : java.util.List.of("select coalesce(sum(fsyncs), 0)::bigint from pg_stat_io where object = 'wal'",
				"select wal_sync from pg_stat_wal")) {
			try {
				return jdbc.queryForObject(sql, Long.class);
			}
			catch (RuntimeException e) {
				// the next source
			}
		}
		return -1;
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
