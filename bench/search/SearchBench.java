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
				"--server.port=" + Integer.getInteger("port", 0), "--server.address=127.0.0.1", "--alliancehub.data=" + data,
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
			List<Sent> sent = new ArrayList<>();
			List<Sent> warmSent = new ArrayList<>();
			runApi(http, port, warmup, new double[warmup.size()], new ArrayList<>(), warmSent);
			long hits = runApi(http, port, mixed, api, apiTop, sent);

			Path index = data.resolve("index");
			String current = Files.readString(index.resolve("CURRENT")).strip();
			System.out.printf("index size: %,.1f MB (%,d documents, %,.0f bytes per document)%n", size(index.resolve(current)) / 1e6,
					indexing.documents(), (double) size(index.resolve(current)) / Math.max(1, indexing.documents()));
			PlatformQuery platform = new PlatformQuery(app);
			System.out.println("plain Lucene runs the platform's own query, built by " + platform.how());
			double[] plain = new double[mixed.size()];
			double[] raw = new double[mixed.size()];
			List<List<Long>> plainTop = new ArrayList<>();
			List<List<Long>> rawTop = new ArrayList<>();
			int threads = Integer.getInteger("threads", 4);
			double apiConcurrent;
			double plainConcurrent;
			int compared = 0;
			int equalOrder = 0;
			int tiedOnly = 0;
			List<String> differing = new ArrayList<>();
			List<String> wrongTotal = new ArrayList<>();
			List<String> foreign = new ArrayList<>();
			List<String> missed = new ArrayList<>();
			int overlapping = 0;
			int wordsOnly = 0;
			try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index.resolve(current)))) {
				IndexSearcher searcher = new IndexSearcher(reader);
				// the platform's query of each request, as the API built it (the same "to" day and recency minute)
				// and, where the platform ranks in two phases, the first phase's query (null where there is one phase)
				List<Query> asked = new ArrayList<>();
				List<Query> first = new ArrayList<>();
				for (int i = 0; i < mixed.size(); i++) {
					asked.add(platform.of(mixed.get(i), sent.get(i).to(), sent.get(i).minuteBefore()));
					first.add(platform.candidates(mixed.get(i), sent.get(i).to(), sent.get(i).minuteBefore()));
				}
				List<Query> warmAsked = new ArrayList<>();
				List<Query> warmFirst = new ArrayList<>();
				for (int i = 0; i < warmup.size(); i++) {
					warmAsked.add(platform.of(warmup.get(i), warmSent.get(i).to(), warmSent.get(i).minuteBefore()));
					warmFirst.add(platform.candidates(warmup.get(i), warmSent.get(i).to(), warmSent.get(i).minuteBefore()));
				}
				int window = platform.window();
				runPlain(searcher, warmFirst, warmAsked, window, warmup, new double[warmup.size()], new ArrayList<>());
				runPlain(searcher, first, asked, window, mixed, plain, plainTop);
				runRaw(searcher, warmup, new double[warmup.size()], new ArrayList<>());
				runRaw(searcher, mixed, raw, rawTop);
				// Concurrently: the same queries on `threads` threads, API and plain Lucene one after the other.
				apiConcurrent = concurrently(threads, mixed, q -> {
					runApi(http, port, java.util.Collections.singletonList(q), new double[1], new ArrayList<>());
				});
				var at = new java.util.concurrent.atomic.AtomicInteger();
				plainConcurrent = concurrently(threads, mixed, q -> {
					int i = at.getAndIncrement();
					runPlain(searcher, java.util.Collections.singletonList(first.get(i)), List.of(asked.get(i)), window,
							java.util.Collections.singletonList(mixed.get(i)), new double[1], new ArrayList<>());
				});
				// The answers are checked, not only timed. (1) The API's first 10 hits are plain Lucene's top 10 of the
				// very query the platform built, in order; two may stand in another order only when plain Lucene scores
				// them exactly alike (or, in date order, they bear the same date); and the API's total is the number of
				// documents the query matches.
				for (int i = 0; i < mixed.size(); i++) {
					compared++;
					List<Long> a = apiTop.get(i);
					List<Long> p = plainTop.get(i);
					boolean byDate = mixed.get(i)[1].contains("sort=DATE");
					String why = disagreement(searcher, asked.get(i), byDate, a, p);
					if (why != null && sent.get(i).minuteAfter() != sent.get(i).minuteBefore()) {
						// the minute turned during the request: the platform may have lifted by the later one
						Query later = platform.of(mixed.get(i), sent.get(i).to(), sent.get(i).minuteAfter());
						Query laterFirst = platform.candidates(mixed.get(i), sent.get(i).to(), sent.get(i).minuteAfter());
						why = disagreement(searcher, later, byDate, a, plainIds(searcher, laterFirst, later, window, byDate));
					}
					if (why == null) {
						if (a.equals(p)) {
							equalOrder++;
						}
						else {
							tiedOnly++;
						}
					}
					else if (differing.size() < 5) {
						differing.add(mixed.get(i)[0] + mixed.get(i)[1] + ": " + why);
					}
					long count = searcher.count(asked.get(i));
					if (count != sent.get(i).total() && wrongTotal.size() < 5) {
						wrongTotal.add(mixed.get(i)[0] + mixed.get(i)[1] + " (API " + sent.get(i).total() + ", Lucene " + count + ")");
					}
				}
				// (2) Independently of the platform's query, against plain Lucene's own analysis (OpenCC folding to 简体,
				// CJK bigrams over the pair fields, public documents only) of a words-only question: every hit the API
				// shows holds the question's pairs; no API answer is empty where this finds some; and the documents
				// this finds first are matched by the platform's query too. A broken analyzer fails these.
				for (int i = 0; i < mixed.size(); i++) {
					List<Long> a = apiTop.get(i);
					List<Long> r = rawTop.get(i);
					if (!mixed.get(i)[1].isEmpty() || r.isEmpty()) {
						continue;
					}
					wordsOnly++;
					Query words = rawQuery(mixed.get(i).length > 2 ? mixed.get(i)[2] : mixed.get(i)[0]);
					int holding = a.isEmpty() ? 0 : searcher.count(among(words, a));
					if ((holding != a.size() || a.isEmpty()) && foreign.size() < 5) {
						foreign.add(mixed.get(i)[0] + " (" + holding + " of " + a.size() + ")");
					}
					if (mixed.get(i).length == 2) {
						int found = searcher.count(among(new org.apache.lucene.search.ConstantScoreQuery(asked.get(i)), r));
						if (found != r.size() && missed.size() < 5) {
							missed.add(mixed.get(i)[0] + " (" + found + " of " + r.size() + ")");
						}
					}
					if (a.stream().anyMatch(r::contains)) {
						overlapping++;
					}
				}
			}
			Arrays.sort(api);
			Arrays.sort(plain);
			Arrays.sort(raw);
			System.out.printf("%nAPI requests: %s%n", DISTINCT ? "each distinct (a different far-future \"to\" day), so no kept answer serves one"
					: "as asked (-Ddistinct=false): repeated questions may be served from the answers kept for the index reader");
			System.out.printf("queries: %,d mixed (words, two words, 繁體, phrases, alliance filter, date order, GB/T numbers), warm-up %,d others; %,d hits in all%n",
					mixed.size(), warmup.size(), hits);
			System.out.printf("%-40s %10s %10s %14s%n", "", "p50 ms", "p99 ms", threads + " threads q/s");
			System.out.printf("%-40s %10.2f %10.2f %14.1f%n", "HTTP API /api/v1/search", pct(api, 50), pct(api, 99), apiConcurrent);
			System.out.printf("%-40s %10.2f %10.2f %14.1f%n", "plain Lucene top 10, the platform's query", pct(plain, 50), pct(plain, 99), plainConcurrent);
			System.out.printf("%-40s %10.2f %10.2f %14s%n", "plain Lucene top 10, words only", pct(raw, 50), pct(raw, 99), "");
			System.out.printf("API / plain (the same query): p50 %.1f×, p99 %.1f×, concurrent throughput %.2f×%n", pct(api, 50) / pct(plain, 50),
					pct(api, 99) / pct(plain, 99), apiConcurrent / plainConcurrent);
			System.out.printf("answers: %d queries compared with the platform's query in plain Lucene: the same top 10 in the same order in %d, the same but for exact ties in %d; differing: %s%n",
					compared, equalOrder, tiedOnly, differing);
			System.out.printf("totals: the API's total is not the number of documents the query matches in: %s%n", wrongTotal.isEmpty() ? "none" : wrongTotal);
			System.out.printf("analysis (%d words-only questions against plain Lucene's own analysis): API hits that do not hold the question's pairs, or no hits where plain Lucene has some: %s; plain Lucene's hits the platform's query does not match: %s; top 10s sharing a hit: %d%n",
					wordsOnly, foreign.isEmpty() ? "none" : foreign, missed.isEmpty() ? "none" : missed, overlapping);
			boolean answersAgree = compared > 0 && equalOrder + tiedOnly == compared && wrongTotal.isEmpty() && foreign.isEmpty()
					&& missed.isEmpty();
			System.out.printf("targets: ≥ 3,000 documents/s indexed: %s; p99 < 30 ms: %s; API ≤ 2× plain at p99: %s; answers agree: %s%n",
					s.done() / indexSeconds >= 3000 ? "yes" : "no", pct(api, 99) < 30 ? "yes" : "no",
					pct(api, 99) <= 2 * pct(plain, 99) ? "yes" : "no", answersAgree ? "yes" : "NO");
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

	/** The query, among the documents of the given article ids. */
	static Query among(Query query, List<Long> ids) {
		var keys = new org.apache.lucene.search.BooleanQuery.Builder();
		for (long id : ids) {
			keys.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("key", "ARTICLE:" + id)),
					BooleanClause.Occur.SHOULD);
		}
		return new org.apache.lucene.search.BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
			.add(keys.build(), BooleanClause.Occur.FILTER)
			.build();
	}

	static final org.apache.lucene.search.Sort BY_DATE = new org.apache.lucene.search.Sort(
			new org.apache.lucene.search.SortField("published", org.apache.lucene.search.SortField.Type.LONG, true));

	/**
	 * Why the API's hits are not plain Lucene's top 10 of the same query, or null when they are: the same documents in
	 * the same order, but where plain Lucene scores two exactly alike (in date order: they bear the same date).
	 */
	static String disagreement(IndexSearcher searcher, Query query, boolean byDate, List<Long> api, List<Long> plain)
			throws IOException {
		if (api.equals(plain)) {
			return null;
		}
		if (api.size() != plain.size()) {
			return api.size() + " hits, plain Lucene " + plain.size();
		}
		List<Long> both = new ArrayList<>(api);
		plain.stream().filter(id -> !api.contains(id)).forEach(both::add);
		Map<Long, Long> value = new java.util.HashMap<>();
		var stored = searcher.storedFields();
		for (ScoreDoc d : searcher.search(among(query, both), both.size()).scoreDocs) {
			var doc = stored.document(d.doc);
			value.put(doc.getField("id").numericValue().longValue(),
					byDate ? doc.getField("published").numericValue().longValue() : Float.floatToIntBits(d.score));
		}
		for (int i = 0; i < api.size(); i++) {
			Long a = value.get(api.get(i));
			if (a == null || !a.equals(value.get(plain.get(i)))) {
				return "at " + (i + 1) + " the API shows " + api.get(i) + " (" + a + "), plain Lucene " + plain.get(i) + " ("
						+ value.get(plain.get(i)) + ")";
			}
		}
		return null;
	}

	/**
	 * The query the platform builds for a question (for an anonymous viewer), made by the platform's own code: through
	 * {@code Searcher.query(SearchQuery, long)} where the build has it, else as main's {@code Searcher} makes it (its
	 * parse and filters, lifted by {@code FunctionScoreQuery.boostByValue} with its {@code RecencyBoost}).
	 */
	static final class PlatformQuery {

		private final Object searcher;

		private final org.alliancehub.search.SearchSynonyms synonyms;

		private java.lang.reflect.Method hook;

		/** {@code Searcher.candidates(SearchQuery, long)}, the first phase of a ranking in two, where the build has it. */
		private java.lang.reflect.Method candidates;

		/** How many of the first phase's hits the second scores ({@code Ranking.WINDOW}), where the build has it. */
		private int window;

		private java.lang.reflect.Method parse;

		private java.lang.reflect.Method filters;

		private java.lang.reflect.Constructor<?> recency;

		PlatformQuery(ConfigurableApplicationContext app) throws Exception {
			Object bean = app.getBean(org.alliancehub.search.Search.class);
			Object target = org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(bean);
			this.searcher = target != null ? target : bean;
			this.synonyms = app.getBean(org.alliancehub.search.SearchSynonyms.class);
			Class<?> c = Class.forName("org.alliancehub.search.internal.Searcher");
			try {
				hook = c.getDeclaredMethod("query", org.alliancehub.search.SearchQuery.class, long.class);
				hook.setAccessible(true);
				try {
					candidates = c.getDeclaredMethod("candidates", org.alliancehub.search.SearchQuery.class, long.class);
					candidates.setAccessible(true);
					var w = Class.forName("org.alliancehub.search.internal.Ranking").getDeclaredField("WINDOW");
					w.setAccessible(true);
					window = w.getInt(null);
				}
				catch (NoSuchMethodException | ClassNotFoundException | NoSuchFieldException e) {
					candidates = null; // one phase
				}
			}
			catch (NoSuchMethodException e) {
				parse = c.getDeclaredMethod("parse", String.class, List.class, Map.class);
				parse.setAccessible(true);
				filters = c.getDeclaredMethod("filters", Query.class, org.alliancehub.search.SearchQuery.class, java.util.Set.class,
						java.util.Set.class);
				filters.setAccessible(true);
				recency = Class.forName("org.alliancehub.search.internal.RecencyBoost").getDeclaredConstructor(long.class);
				recency.setAccessible(true);
			}
		}

		String how() {
			return candidates != null ? "Searcher.candidates then Searcher.query: the best " + window
					+ " of the first rescored by the second with QueryRescorer (two phases)"
					: hook != null ? "Searcher.query" : "Searcher.parse and filters with FunctionScoreQuery.boostByValue (main)";
		}

		int window() {
			return window;
		}

		/**
		 * The first phase's query where the platform ranks a question in two (relevance order, and the whole query asks
		 * more than the first phase's), else null.
		 */
		Query candidates(String[] q, java.time.LocalDate to, long minute) throws Exception {
			if (candidates == null || q[1].contains("sort=DATE")) {
				return null;
			}
			Query first = (Query) candidates.invoke(searcher, asked(q, to), minute);
			return first.equals(of(q, to, minute)) ? null : first;
		}

		private static org.alliancehub.search.SearchQuery asked(String[] q, java.time.LocalDate to) {
			String alliance = param(q[1], "alliance");
			String type = param(q[1], "type");
			return new org.alliancehub.search.SearchQuery(q[0], alliance, null,
					type == null ? null : org.alliancehub.search.DocumentType.valueOf(type), null, to,
					q[1].contains("sort=DATE") ? org.alliancehub.search.SearchQuery.Order.DATE
							: org.alliancehub.search.SearchQuery.Order.RELEVANCE, 0, 10);
		}

		Query of(String[] q, java.time.LocalDate to, long minute) throws Exception {
			var asked = asked(q, to);
			if (hook != null) {
				return (Query) hook.invoke(searcher, asked, minute);
			}
			String folded = org.alliancehub.text.ChineseText.fold(q[0].strip());
			Query words = (Query) parse.invoke(searcher, folded, synonyms.folded(), synonyms.allianceByName());
			Query filtered = (Query) filters.invoke(searcher, words, asked, java.util.Set.of(), java.util.Set.of());
			return org.apache.lucene.queries.function.FunctionScoreQuery.boostByValue(filtered,
					(org.apache.lucene.search.DoubleValuesSource) recency.newInstance(minute));
		}

		private static String param(String params, String name) {
			var m = java.util.regex.Pattern.compile("&" + name + "=([^&]*)").matcher(params);
			return m.find() ? m.group(1) : null;
		}
	}

	/** Plain Lucene's top 10 of each query (newest first for date order), and the ids of its hits. */
	static void runPlain(IndexSearcher searcher, List<Query> first, List<Query> queries, int window, List<String[]> qs,
			double[] out, List<List<Long>> tops) throws IOException {
		for (int i = 0; i < queries.size(); i++) {
			long t = System.nanoTime();
			List<Long> ids = plainIds(searcher, first.get(i), queries.get(i), window, qs.get(i)[1].contains("sort=DATE"));
			out[i] = (System.nanoTime() - t) / 1e6;
			if (tops != null) {
				tops.add(ids);
			}
		}
	}

	/**
	 * Plain Lucene's top 10 of the query: newest first for date order; else where the platform ranks in two phases
	 * ({@code first} not null), stock Lucene's two phases: the best {@code window} of the first phase's query
	 * ({@code IndexSearcher.search}), then those scored by the whole query and put in its order ({@code QueryRescorer},
	 * a hit's new score being the whole query's score); else the query's top 10.
	 */
	static List<Long> plainIds(IndexSearcher searcher, Query first, Query query, int window, boolean byDate) throws IOException {
		TopDocs top;
		if (byDate) {
			top = searcher.search(query, 10, BY_DATE);
		}
		else if (first != null) {
			top = new org.apache.lucene.search.QueryRescorer(query) {
				@Override
				protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
					return secondPassMatches ? secondPassScore : firstPassScore;
				}
			}.rescore(searcher, searcher.search(first, window), 10);
		}
		else {
			top = searcher.search(query, 10);
		}
		var stored = searcher.storedFields();
		List<Long> ids = new ArrayList<>();
		for (ScoreDoc d : top.scoreDocs) {
			ids.add(stored.document(d.doc).getField("id").numericValue().longValue());
		}
		return ids;
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

	/**
	 * Whether every API request is made one no answer kept by the platform can serve (-Ddistinct=false: as asked). The
	 * mixed questions repeat (a few words combined), and the concurrent run asks them again: the platform keeps the
	 * answers over the current index reader (stop 22), so each request narrows "up to" a different day after 2100
	 * instead. Every document is older: the answer is the question's own, but no kept answer matches it.
	 */
	static final boolean DISTINCT = Boolean.parseBoolean(System.getProperty("distinct", "true"));

	private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

	/** One API request as sent: the "to" day it narrowed to (null for none), the minutes around it, and its total. */
	record Sent(java.time.@org.jspecify.annotations.Nullable LocalDate to, long minuteBefore, long minuteAfter, long total) {
	}

	static long runApi(HttpClient http, int port, List<String[]> qs, double[] out, List<List<Long>> tops) throws Exception {
		return runApi(http, port, qs, out, tops, new ArrayList<>());
	}

	static long runApi(HttpClient http, int port, List<String[]> qs, double[] out, List<List<Long>> tops, List<Sent> sent)
			throws Exception {
		long hits = 0;
		for (int i = 0; i < qs.size(); i++) {
			String[] q = qs.get(i);
			java.time.LocalDate to = DISTINCT ? java.time.LocalDate.of(2100, 1, 1).plusDays(REQUESTS.getAndIncrement()) : null;
			String url = "http://127.0.0.1:" + port + "/api/v1/search?q=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8)
					+ q[1] + (to == null ? "" : "&to=" + to) + "&size=10";
			long before = System.currentTimeMillis() / 60_000 * 60_000;
			long t = System.nanoTime();
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			out[i] = (System.nanoTime() - t) / 1e6;
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.statusCode() + " for " + q[0] + ": " + r.body());
			}
			long after = System.currentTimeMillis() / 60_000 * 60_000;
			int at = r.body().indexOf("\"total\":");
			long total = Long.parseLong(r.body().substring(at + 8, r.body().indexOf(',', at)));
			hits += total;
			sent.add(new Sent(to, before, after, total));
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
