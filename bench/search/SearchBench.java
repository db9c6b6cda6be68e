import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.alliancehub.AllianceHub;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.alliancehub.search.Reindexing;
import org.alliancehub.search.SearchIndexing;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search at scale: N synthetic alliance articles (default 1,000,000, made from word lists and sentence
 * templates), indexed by the platform's own rebuild; then 1,000 mixed queries over the HTTP API and the
 * same queries against raw Lucene on the same index, in the same run. Run it with bench/search-bench.sh.
 */
public class SearchBench {

	static final String[] INDUSTRIES = { "渣浆泵", "环保装备", "化纤", "半导体照明", "粉末冶金", "集成电路封测", "汽车轻量化", "农业装备",
			"木竹", "再生资源", "存储", "太阳能光热", "烟气污染治理", "电子贸易", "住宅科技", "纺织设备", "煤化工", "健康建筑", "临床试验", "纳米科技" };

	static final String[] TOPICS = { "节能降耗", "智能制造", "耐磨材料", "绿色低碳", "数字化转型", "质量提升", "国际合作", "知识产权", "安全生产",
			"循环利用", "精密加工", "自动化控制", "检验检测", "产品认证", "人才培养", "成果转化" };

	static final String[] VERBS = { "召开", "发布", "启动", "完成", "推进", "举办", "签署", "通过" };

	static final String[] OBJECTS = { "研讨会", "年会", "团体标准", "战略合作协议", "示范基地", "联合攻关项目", "产业调查", "培训班", "成果对接会",
			"质量检测报告" };

	static final String[] PLACES = { "北京", "石家庄", "营口", "宁安", "上海", "杭州", "苏州", "青岛", "武汉", "成都", "西安", "天津" };

	static final String[] SUBJECTS = { "技术", "标准", "市场", "政策", "产品", "工艺", "材料", "装备" };

	static final String[] CATEGORIES = { "ALLIANCE_NEWS", "POLICY", "MEDIA", "TECHNOLOGY", "MARKET", "INDUSTRY" };

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		Path data = Files.createTempDirectory("alliancehub-search-bench");
		System.out.printf("search benchmark: %,d documents, %,d queries, heap max %d MB, %d cores%n", n, queries,
				Runtime.getRuntime().maxMemory() / 1024 / 1024, Runtime.getRuntime().availableProcessors());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--alliancehub.data=" + data,
				"--alliancehub.demo=false", "--alliancehub.admin-password=bench-admin-password",
				"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Alliances alliances = app.getBean(Alliances.class);
			long[] ids = new long[INDUSTRIES.length];
			for (int i = 0; i < INDUSTRIES.length; i++) {
				Alliance a = alliances.create(new NewAlliance("bench-" + i, INDUSTRIES[i] + "产业技术创新战略联盟",
						INDUSTRIES[i] + "联盟", INDUSTRIES[i], null, null, null, null, null));
				ids[i] = a.id();
			}
			long t0 = System.nanoTime();
			generate(app.getBean(DataSource.class), ids, n);
			double loadSeconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("loaded %,d articles into PostgreSQL in %.1f s%n", n, loadSeconds);

			SearchIndexing indexing = app.getBean(SearchIndexing.class);
			long t1 = System.nanoTime();
			indexing.rebuild();
			Reindexing s;
			long lastPrint = 0;
			while ((s = indexing.status()).state() == Reindexing.State.RUNNING) {
				Thread.sleep(500);
				if (System.nanoTime() - lastPrint > 30e9) {
					lastPrint = System.nanoTime();
					System.out.printf("  indexing: %,d / %,d%n", s.done(), s.total());
				}
			}
			double indexSeconds = (System.nanoTime() - t1) / 1e9;
			if (s.state() != Reindexing.State.DONE) {
				throw new IllegalStateException("rebuild failed: " + s.error());
			}
			System.out.printf("indexed %,d documents in %.1f s: %,.0f documents/s%n", indexing.documents(), indexSeconds,
					s.done() / indexSeconds);

			List<String[]> mixed = queries(queries, new Random(7));
			// Warm-up with other queries than the measured ones (another seed), so no answer is measured warm from
			// having been asked just before.
			List<String[]> warmup = queries(Math.min(200, queries), new Random(8));
			HttpClient http = HttpClient.newHttpClient();
			double[] api = new double[mixed.size()];
			List<List<Long>> apiTop = new ArrayList<>();
			runApi(http, port, warmup, new double[warmup.size()], new ArrayList<>());
			long hits = runApi(http, port, mixed, api, apiTop);

			Path index = data.resolve("index");
			String current = Files.readString(index.resolve("CURRENT")).strip();
			System.out.printf("index size: %,.1f MB (%,d documents, %,.0f bytes per document)%n", size(index.resolve(current)) / 1e6,
					indexing.documents(), (double) size(index.resolve(current)) / Math.max(1, indexing.documents()));
			double[] raw = new double[mixed.size()];
			List<List<Long>> rawTop = new ArrayList<>();
			List<Integer> holding = new ArrayList<>();
			List<String> why = new ArrayList<>();
			List<Boolean> tiedTop = new ArrayList<>();
			int threads = Integer.getInteger("threads", 4);
			double apiConcurrent;
			double rawConcurrent;
			try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index.resolve(current)))) {
				IndexSearcher searcher = new IndexSearcher(reader);
				runRaw(searcher, warmup, new double[warmup.size()], new ArrayList<>());
				runRaw(searcher, mixed, raw, rawTop);
				// Concurrently: the same queries on `threads` threads, API and plain Lucene one after the other.
				apiConcurrent = concurrently(threads, mixed, q -> {
					runApi(http, port, java.util.Collections.singletonList(q), new double[1], new ArrayList<>());
				});
				rawConcurrent = concurrently(threads, mixed, q -> runRaw(searcher, java.util.Collections.singletonList(q), new double[1], new ArrayList<>()));
				// Each hit the API shows for a words-only question must be a document plain Lucene's question matches
				// (all its character pairs, in a public document): a hit that does not hold the question's words
				// fails the run, whatever else it shares.
				for (int i = 0; i < mixed.size(); i++) {
					List<Long> a = apiTop.get(i);
					if (!mixed.get(i)[1].isEmpty() || a.isEmpty()) {
						holding.add(a.size());
						continue;
					}
					var keys = new org.apache.lucene.search.BooleanQuery.Builder();
					for (long id : a) {
						keys.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("key", "ARTICLE:" + id)),
								BooleanClause.Occur.SHOULD);
					}
					Query among = new org.apache.lucene.search.BooleanQuery.Builder()
						.add(rawQuery(mixed.get(i).length > 2 ? mixed.get(i)[2] : mixed.get(i)[0]), BooleanClause.Occur.MUST)
						.add(keys.build(), BooleanClause.Occur.FILTER)
						.build();
					holding.add(searcher.count(among));
				}
				// A words-only question whose API top 10 shares no document with plain Lucene's: plain Lucene's scores of
				// its own top 10 and of the API's shown hits, and how many documents score at least plain Lucene's 10th.
				// Plain Lucene's top 10 is one choice among the documents tied with its 10th (it takes the first by
				// number), so an API hit scoring at least plain Lucene's 10th is one of plain Lucene's top 10 as well
				// (stop 23: one-word questions over 100,000 documents have 60–350 documents tied at the top).
				for (int i = 0; i < mixed.size(); i++) {
					List<Long> a = apiTop.get(i);
					List<Long> r = rawTop.get(i);
					tiedTop.add(false);
					if (!mixed.get(i)[1].isEmpty() || r.isEmpty() || a.isEmpty() || a.stream().anyMatch(r::contains)) {
						continue;
					}
					Query plain = rawQuery(mixed.get(i).length > 2 ? mixed.get(i)[2] : mixed.get(i)[0]);
					TopDocs top = searcher.search(plain, 10);
					float tenth = top.scoreDocs[top.scoreDocs.length - 1].score;
					float first = top.scoreDocs[0].score;
					var keys = new org.apache.lucene.search.BooleanQuery.Builder();
					for (long id : a) {
						keys.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("key", "ARTICLE:" + id)),
								BooleanClause.Occur.SHOULD);
					}
					TopDocs shown = searcher.search(new org.apache.lucene.search.BooleanQuery.Builder()
						.add(plain, BooleanClause.Occur.MUST).add(keys.build(), BooleanClause.Occur.FILTER).build(), a.size());
					float shownMax = shown.scoreDocs.length == 0 ? Float.NaN : shown.scoreDocs[0].score;
					float shownMin = shown.scoreDocs.length == 0 ? Float.NaN : shown.scoreDocs[shown.scoreDocs.length - 1].score;
					int atLeastTenth = searcher.count(new org.apache.lucene.search.BooleanQuery.Builder()
						.add(new org.apache.lucene.search.ConstantScoreQuery(plain), BooleanClause.Occur.FILTER)
						.build()) ;
					long tied = 0;
					for (ScoreDoc d : searcher.search(plain, Math.min(100_000, Math.max(1, atLeastTenth))).scoreDocs) {
						if (d.score >= tenth) {
							tied++;
						}
					}
					tiedTop.set(i, tiedWithTenth(shownMax, tenth));
					if (why.size() < 5) {
						why.add(String.format("%s: plain Lucene's top 10 score %.4f .. %.4f, %,d documents score at least its 10th (of %,d hits); the API's %d shown hits score %.4f .. %.4f in plain Lucene",
							mixed.get(i)[0], first, tenth, tied, atLeastTenth, a.size(), shownMax, shownMin));
					}
				}
			}
			// The answers are checked, not only timed: plain Lucene asks the pair view with its own analysis (CJK
			// bigrams of the query folded to 简体 by OpenCC here, not by the platform), so a broken platform analyzer
			// shows as top hits that differ.
			int compared = 0;
			int sameFirst = 0;
			int overlapping = 0;
			int tied = 0;
			List<String> differing = new ArrayList<>();
			List<String> foreign = new ArrayList<>();
			for (int i = 0; i < mixed.size(); i++) {
				List<Long> a = apiTop.get(i);
				List<Long> r = rawTop.get(i);
				if (!mixed.get(i)[1].isEmpty() || r.isEmpty()) {
					continue; // filters and date order are the platform's own; plain Lucene answers the words only
				}
				compared++;
				if (holding.get(i) != a.size() || a.isEmpty()) {
					if (foreign.size() < 5) {
						foreign.add(mixed.get(i)[0] + " (" + holding.get(i) + " of " + a.size() + ")");
					}
				}
				if (!a.isEmpty() && a.get(0).equals(r.get(0))) {
					sameFirst++;
				}
				if (a.stream().anyMatch(r::contains)) {
					overlapping++;
				}
				else if (tiedTop.get(i)) {
					overlapping++;
					tied++;
				}
				else if (differing.size() < 5) {
					differing.add(mixed.get(i)[0]);
				}
			}
			Arrays.sort(api);
			Arrays.sort(raw);
			System.out.printf("%nAPI requests: %s%n", DISTINCT ? "each distinct (a different far-future \"to\" day), so no kept answer serves one"
					: "as asked (-Ddistinct=false): repeated questions may be served from the answers kept for the index reader");
			System.out.printf("queries: %,d mixed (words, two words, 繁體, phrases, alliance filter, date order, GB/T numbers), warm-up %,d others; %,d hits in all%n",
					mixed.size(), warmup.size(), hits);
			System.out.printf("%-28s %10s %10s %14s%n", "", "p50 ms", "p99 ms", threads + " threads q/s");
			System.out.printf("%-28s %10.2f %10.2f %14.1f%n", "HTTP API /api/v1/search", pct(api, 50), pct(api, 99), apiConcurrent);
			System.out.printf("%-28s %10.2f %10.2f %14.1f%n", "plain Lucene top 10, same index", pct(raw, 50), pct(raw, 99), rawConcurrent);
			System.out.printf("API / plain: p50 %.1f×, p99 %.1f×, concurrent throughput %.2f×%n", pct(api, 50) / pct(raw, 50),
					pct(api, 99) / pct(raw, 99), apiConcurrent / rawConcurrent);
			System.out.printf("answers: %d queries compared (words only); the same first hit in %d, shared top-10 hits in %d (%d of them through a hit tied with plain Lucene's 10th); none shared: %s%n",
					compared, sameFirst, overlapping, tied, differing);
			why.forEach(w -> System.out.println("  none shared, " + w));
			System.out.printf("API hits that do not hold the question's pairs, or no hits where plain Lucene has some: %s%n",
					foreign.isEmpty() ? "none" : foreign);
			boolean answersAgree = compared > 0 && overlapping == compared && foreign.isEmpty();
			System.out.printf("targets: ≥ 3,000 documents/s indexed: %s; p99 < 30 ms: %s; API ≤ 2× plain at p99: %s; answers agree: %s%n",
					s.done() / indexSeconds >= 3000 ? "yes" : "no", pct(api, 99) < 30 ? "yes" : "no",
					pct(api, 99) <= 2 * pct(raw, 99) ? "yes" : "no", answersAgree ? "yes" : "NO");
			if (!answersAgree) {
				System.exit(2);
			}
		}
		finally {
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/**
	 * Whether the API's best hit, scored by plain Lucene, is one plain Lucene could have put in its top 10: at least
	 * its 10th score (plain Lucene breaks ties by document number). Checked at the start of every run.
	 */
	static boolean tiedWithTenth(float apiBestInPlain, float plainTenth) {
		return !Float.isNaN(apiBestInPlain) && apiBestInPlain >= plainTenth;
	}

	static {
		if (!tiedWithTenth(15.4648f, 15.4648f) || !tiedWithTenth(20.5f, 20.4f) || tiedWithTenth(19.9f, 20.4f)
				|| tiedWithTenth(Float.NaN, 1f)) {
			throw new AssertionError("the answer check's tie rule is wrong");
		}
	}

	static long size(Path dir) throws IOException {
		try (var files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	interface Work {
		void run(String[] q) throws Exception;
	}

	/** Queries answered per second with `threads` threads taking the queries in turn. */
	static double concurrently(int threads, List<String[]> qs, Work work) throws Exception {
		var next = new java.util.concurrent.atomic.AtomicInteger();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		long t = System.nanoTime();
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			done.add(pool.submit(() -> {
				int at;
				while ((at = next.getAndIncrement()) < qs.size()) {
					work.run(qs.get(at));
				}
				return null;
			}));
		}
		for (var f : done) {
			f.get();
		}
		pool.shutdown();
		return qs.size() / ((System.nanoTime() - t) / 1e9);
	}

	/** Whether every API request is made one no answer kept by the platform can serve (-Ddistinct=false: as asked). */
	static final boolean DISTINCT = Boolean.parseBoolean(System.getProperty("distinct", "true"));

	private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * The mixed questions repeat (a few words combined), and the concurrent run asks them again: the platform keeps
	 * the answers over the current index reader (stop 22), so each request here narrows "up to" a different day after
	 * 2100 instead. Every document is older: the answer is the question's own, but no kept answer matches it.
	 */
	static String distinct() {
		return DISTINCT ? "&to=" + java.time.LocalDate.of(2100, 1, 1).plusDays(REQUESTS.getAndIncrement()) : "";
	}

	static long runApi(HttpClient http, int port, List<String[]> qs, double[] out, List<List<Long>> tops) throws Exception {
		long hits = 0;
		for (int i = 0; i < qs.size(); i++) {
			String[] q = qs.get(i);
			String url = "http://127.0.0.1:" + port + "/api/v1/search?q=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8)
					+ q[1] + distinct();
			long t = System.nanoTime();
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			out[i] = (System.nanoTime() - t) / 1e6;
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.statusCode() + " for " + q[0] + ": " + r.body());
			}
			int at = r.body().indexOf("\"total\":");
			hits += Long.parseLong(r.body().substring(at + 8, r.body().indexOf(',', at)));
			List<Long> ids = new ArrayList<>();
			var m = java.util.regex.Pattern.compile("\"type\":\"ARTICLE\",\"id\":(\\d+)").matcher(r.body());
			while (m.find()) {
				ids.add(Long.parseLong(m.group(1)));
			}
			tops.add(ids);
		}
		return hits;
	}

	/** Plain Lucene, its own analysis: the query folded to 简体 (OpenCC), CJK bigrams over the pair fields, public only. */
	/** Plain Lucene's question: every character pair of the text folded to 简体, in a public document. */
	static Query rawQuery(String text) {
		SimpleQueryParser parser = new SimpleQueryParser(new CJKAnalyzer(CharArraySet.EMPTY_SET),
				Map.of("title_bi", 3f, "body_bi", 1f));
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		return rawQuery(parser, text);
	}

	static Query rawQuery(SimpleQueryParser parser, String text) {
		Query words = parser.parse(ZhConverterUtil.toSimple(text));
		return new org.apache.lucene.search.BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
			.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("visibility", "PUBLIC")),
					BooleanClause.Occur.FILTER)
			.build();
	}

	static void runRaw(IndexSearcher searcher, List<String[]> qs, double[] out, List<List<Long>> tops) throws IOException {
		SimpleQueryParser parser = new SimpleQueryParser(new CJKAnalyzer(CharArraySet.EMPTY_SET),
				Map.of("title_bi", 3f, "body_bi", 1f));
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		for (int i = 0; i < qs.size(); i++) {
			long t = System.nanoTime();
			Query q = rawQuery(parser, qs.get(i)[0]);
			TopDocs top = searcher.search(q, 10);
			var stored = searcher.storedFields();
			List<Long> ids = new ArrayList<>();
			for (ScoreDoc d : top.scoreDocs) {
				var doc = stored.document(d.doc);
				ids.add(doc.getField("id").numericValue().longValue());
			}
			out[i] = (System.nanoTime() - t) / 1e6;
			tops.add(ids);
		}
	}

	static List<String[]> queries(int count, Random r) {
		List<String[]> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String industry = pick(r, INDUSTRIES);
			String topic = pick(r, TOPICS);
			out.add(switch (i % 8) {
				case 0 -> new String[] { industry, "" };
				case 1 -> new String[] { industry + " " + topic, "" };
				// checked word by word: the pair across the two words need not occur in a hit
				case 2 -> new String[] { ZhConverterUtil.toTraditional(industry + topic), "",
						ZhConverterUtil.toTraditional(industry) + " " + ZhConverterUtil.toTraditional(topic) };
				case 3 -> new String[] { "\"" + topic + "\"", "" };
				case 4 -> new String[] { topic, "&alliance=bench-" + r.nextInt(INDUSTRIES.length) };
				case 5 -> new String[] { pick(r, OBJECTS), "&sort=DATE" };
				case 6 -> new String[] { "GB/T " + (1000 + r.nextInt(9000)), "" };
				default -> new String[] { pick(r, PLACES) + " " + pick(r, OBJECTS), "&type=ARTICLE" };
			});
		}
		return out;
	}

	static String pick(Random r, String[] words) {
		return words[r.nextInt(words.length)];
	}

	static void generate(DataSource ds, long[] alliances, int n) throws Exception {
		Random r = new Random(42);
		int chunk = 20_000;
		try (Connection c = ds.getConnection()) {
			PGConnection pg = c.unwrap(PGConnection.class);
			for (int start = 0; start < n; start += chunk) {
				StringBuilder rows = new StringBuilder(chunk * 900);
				for (int i = start; i < Math.min(n, start + chunk); i++) {
					int a = r.nextInt(alliances.length);
					String industry = INDUSTRIES[a];
					String topic = pick(r, TOPICS);
					int year = 2013 + r.nextInt(13);
					String title = industry + "联盟" + pick(r, VERBS) + topic + pick(r, OBJECTS);
					StringBuilder body = new StringBuilder();
					body.append("<p>").append(pick(r, PLACES)).append("，").append(industry).append("产业技术创新战略联盟")
						.append(pick(r, VERBS)).append(pick(r, OBJECTS)).append("，围绕").append(topic).append("与")
						.append(pick(r, TOPICS)).append("开展交流。</p>");
					body.append("<p>会议指出，").append(industry).append("行业正处于转型升级的关键时期，").append(topic)
						.append("是提升").append(pick(r, SUBJECTS)).append("竞争力的核心。</p>");
					body.append("<p>").append(year).append("年，联盟成员单位在").append(pick(r, TOPICS)).append("方面取得进展，相关")
						.append(pick(r, SUBJECTS)).append("达到国内先进水平。</p>");
					if (r.nextInt(5) == 0) {
						body.append("<p>相关产品依据GB/T ").append(1000 + r.nextInt(9000)).append("-").append(year)
							.append("和ISO 9001组织生产。</p>");
					}
					body.append("<p>本次活动由联盟秘书处组织，").append(5 + r.nextInt(60)).append("家成员单位的代表参加。下一步，联盟将继续")
						.append(pick(r, VERBS)).append(pick(r, OBJECTS)).append("，服务行业高质量发展。</p>");
					rows.append(alliances[a]).append('\t').append(title).append('\t').append(pick(r, CATEGORIES))
						.append('\t').append("联盟秘书处").append('\t').append(year).append('-')
						.append(String.format("%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)))
						.append(" 10:00:00+08").append('\t').append('{').append(industry).append(',').append(topic)
						.append('}').append('\t').append(body).append('\t').append("PUBLISHED").append('\t')
						.append(r.nextInt(20) == 0 ? "MEMBERS" : "PUBLIC").append('\n');
				}
				pg.getCopyAPI().copyIn("COPY article (alliance_id, title, category, source, published_at, tags, body, status, visibility) FROM STDIN",
						new StringReader(rows.toString()));
			}
		}
	}
}
