import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.alliancehub.AllianceHub;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.alliancehub.transfer.internal.MatchIndex;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Technology matching at scale: N technology demands and N research achievements of generated Chinese text (word
 * lists and sentence templates of the demo industries, never copied text), loaded with COPY; the platform's match
 * index is rebuilt from the tables (as it is filled at start) and timed, then top-10 matches are asked over HTTP for
 * demands and for achievements, one at a time and concurrently, after held-apart warm-up queries. In the same
 * run: plain Lucene on the same index (the match query alone, top 10, no HTTP, no access filter, no reasons), and
 * plain Lucene indexing of the same texts with its own Chinese analyzer (smartcn), as the ratios. The answers are
 * checked: every answer has matches, and the best must concern the same part of the same industry as the question in
 * at least 95 % of the questions (how often it also concerns the same property is reported). Run it with
 * bench/match-bench.sh.
 */
public class MatchBench {

	/** Industry, its field (TransferTypes.Field) and its parts. */
	static final String[][] INDUSTRIES = {
			{ "渣浆泵", "FLUID_MACHINERY", "叶轮", "护套", "机械密封", "泵壳", "轴承组件", "过流部件" },
			{ "环保装备", "ENVIRONMENTAL", "除尘滤袋", "脱硫塔", "布袋除尘器", "污泥脱水机", "曝气系统", "烟气换热器" },
			{ "化纤", "CHEMICAL_FIBRE", "纺丝组件", "喷丝板", "卷绕头", "熔体管道", "牵伸辊", "聚合釜" },
			{ "粉末冶金", "MATERIALS", "烧结炉", "雾化喷嘴", "压制模具", "结构零件", "含油轴承", "软磁元件" },
			{ "余热发电", "ENERGY", "余热锅炉", "汽轮机", "冷凝器", "换热管束", "蓄热装置", "给水泵" },
			{ "数控机床", "MANUFACTURING", "主轴单元", "滚珠丝杠", "导轨", "刀库", "数控系统", "回转工作台" },
			{ "工业软件", "INFORMATION", "设备管理平台", "能耗监测系统", "质量追溯系统", "排产模块", "数据采集网关", "仿真软件" } };

	static final String[] PROPERTIES = { "耐磨性能", "耐腐蚀性能", "运行效率", "使用寿命", "单位能耗", "运行噪声", "排放浓度", "结构强度",
			"运行稳定性", "加工精度", "故障率", "维护成本" };

	static final String[] METHODS = { "激光熔覆", "陶瓷复合材料", "流场数值模拟", "在线监测", "智能控制算法", "余热回收", "表面硬化处理", "纳米涂层",
			"机器视觉检测", "数字孪生", "高分子改性", "膜分离", "拓扑优化", "故障预测模型", "变频调速", "增材制造" };

	static final String[] CONDITIONS = { "高浓度矿浆", "强酸性介质", "高温高湿", "连续满负荷", "频繁启停", "含尘烟气", "低温", "高速重载" };

	static final String[] PLACES = { "河北石家庄", "辽宁营口", "黑龙江宁安", "江苏苏州", "浙江杭州", "山东青岛", "湖北武汉", "四川成都", "陕西西安",
			"北京" };

	static final String[] PROVINCES = { "130000", "210000", "230000", "320000", "330000", "370000", "420000", "510000",
			"610000", "110000" };

	static final String[] IP = { "GRANTED_PATENT", "PENDING", "KNOW_HOW", "SOFTWARE" };

	static final String[] MODES = { "LICENCE", "ASSIGNMENT", "JOINT_DEVELOPMENT", "EQUITY", "LICENCE,JOINT_DEVELOPMENT",
			"ASSIGNMENT,EQUITY" };

	/** What each generated object is about, by the index of its first row: industry, part, property, method. */
	record Topic(int industry, int part, int property, int method) {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		Path data = Files.createTempDirectory("alliancehub-match-bench");
		System.out.printf("matching benchmark: %,d demands + %,d achievements, %,d queries per direction, heap max %d MB, %d cores%n",
				n, n, queries, Runtime.getRuntime().maxMemory() / 1024 / 1024, Runtime.getRuntime().availableProcessors());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Alliances alliances = app.getBean(Alliances.class);
			Organizations organizations = app.getBean(Organizations.class);
			long[] allianceIds = new long[INDUSTRIES.length];
			long[][] orgs = new long[INDUSTRIES.length][20];
			for (int i = 0; i < INDUSTRIES.length; i++) {
				String industry = INDUSTRIES[i][0];
				Alliance a = alliances.create(new NewAlliance("bench-match-" + i, industry + "产业技术创新战略联盟", industry + "联盟",
						industry, null, null, null, null, null));
				allianceIds[i] = a.id();
				for (int k = 0; k < orgs[i].length; k++) {
					orgs[i][k] = organizations.create(new NewOrganization(industry + "测试单位" + (k + 1) + "（基准数据）",
							k % 4 == 3 ? OrganizationType.UNIVERSITY : OrganizationType.ENTERPRISE, PROVINCES[k % PROVINCES.length],
							null, null, null)).id();
				}
			}
			Random r = new Random(42);
			DataSource ds = app.getBean(DataSource.class);
			long t0 = System.nanoTime();
			Topic[] demandTopics = new Topic[n];
			Topic[] achievementTopics = new Topic[n];
			long firstDemand = load(ds, "demand", n, r, allianceIds, orgs, demandTopics);
			long firstAchievement = load(ds, "achievement", n, r, allianceIds, orgs, achievementTopics);
			System.out.printf("loaded %,d rows into PostgreSQL in %.1f s%n", 2 * n, (System.nanoTime() - t0) / 1e9);

			// the platform's index, rebuilt from the tables as at start (read, fold, words by smartcn, pairs)
			MatchIndex index = app.getBean(MatchIndex.class);
			long t1 = System.nanoTime();
			index.rebuild();
			System.out.printf("platform match index, first (cold) rebuild: %.1f s; measured again, warm:%n", (System.nanoTime() - t1) / 1e9);
			t1 = System.nanoTime();
			index.rebuild();
			double platformIndexing = 2.0 * n / ((System.nanoTime() - t1) / 1e9);
			System.out.printf("platform match index: %,d documents in %.1f s: %,.0f documents/s%n", 2 * n,
					(System.nanoTime() - t1) / 1e9, platformIndexing);

			// plain Lucene, same texts (read before the clock starts), its own Chinese analyzer, one field
			List<String[]> texts = new ArrayList<>();
			for (String kind : List.of("demand", "achievement")) {
				try (Connection c = ds.getConnection(); var rs = c.createStatement()
					.executeQuery("select id, title || chr(10) || description from transfer_" + kind + " order by id")) {
					while (rs.next()) {
						texts.add(new String[] { kind, rs.getString(1), rs.getString(2) });
					}
				}
			}
			ByteBuffersDirectory plainDir = new ByteBuffersDirectory();
			plainIndex(new ByteBuffersDirectory(), texts); // cold, not measured
			long t2 = System.nanoTime();
			plainIndex(plainDir, texts);
			double plainIndexing = texts.size() / ((System.nanoTime() - t2) / 1e9);
			System.out.printf("plain Lucene (smartcn, one field): %,d documents in %.1f s: %,.0f documents/s%n", texts.size(),
					(System.nanoTime() - t2) / 1e9, plainIndexing);

			// queries: public objects only (anonymous caller), warm-up ids held apart from the measured ones
			List<long[]> measured = new ArrayList<>();
			List<long[]> warmup = new ArrayList<>();
			Set<Long> used = new HashSet<>();
			Random q = new Random(7);
			while (measured.size() < 2 * queries) {
				boolean demand = measured.size() % 2 == 0;
				int i = q.nextInt(n);
				long id = (demand ? firstDemand : firstAchievement) + i;
				if (i % 20 == 0 || !used.add((demand ? 1 : -1) * id)) {
					continue; // every twentieth is members-only
				}
				(warmup.size() < 400 ? warmup : measured).add(new long[] { demand ? 1 : 0, id, i });
			}
			HttpClient http = HttpClient.newHttpClient();
			double[] ignore = new double[warmup.size()];
			int[] verified = new int[3];
			runApi(http, port, warmup, ignore, null, null, null, 0, 0);
			double[] api = new double[measured.size()];
			runApi(http, port, measured, api, demandTopics, achievementTopics, verified, firstDemand, firstAchievement);

			// the same questions against plain Lucene on the platform's own index: the match query alone
			String[][] questions = new String[measured.size()][];
			for (int k = 0; k < measured.size(); k++) {
				long[] m = measured.get(k);
				String[] t = texts.get((int) (m[0] == 1 ? m[2] : n + m[2]));
				questions[k] = new String[] { m[0] == 1 ? "achievement" : "demand", t[2] };
			}
			for (int k = 0; k < 400; k++) {
				index.search(questions[k % questions.length][0], questions[k % questions.length][1], 10);
			}
			double[] raw = new double[questions.length];
			int rawVerified = 0;
			for (int k = 0; k < questions.length; k++) {
				long t = System.nanoTime();
				List<MatchIndex.Hit> hits = index.search(questions[k][0], questions[k][1], 10);
				raw[k] = (System.nanoTime() - t) / 1e6;
				long[] m = measured.get(k);
				Topic asked = (m[0] == 1 ? demandTopics : achievementTopics)[(int) m[2]];
				if (!hits.isEmpty()) {
					long best = hits.get(0).id();
					Topic got = m[0] == 1 ? achievementTopics[(int) (best - firstAchievement)] : demandTopics[(int) (best - firstDemand)];
					if (got.industry() == asked.industry() && got.part() == asked.part() && got.property() == asked.property()) {
						rawVerified++;
					}
				}
			}
			// and on the plain index (smartcn query parser, top 10)
			double[] plain = new double[questions.length];
			try (DirectoryReader reader = DirectoryReader.open(plainDir)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				QueryParser parser = new QueryParser("text", new SmartChineseAnalyzer());
				for (int k = 0; k < questions.length + 400; k++) {
					int at = k % questions.length;
					long t = System.nanoTime();
					TopDocs top = searcher.search(parser.parse("+kind:" + questions[at][0] + " +("
							+ QueryParser.escape(questions[at][1]) + ")"), 10);
					var stored = searcher.storedFields();
					for (ScoreDoc d : top.scoreDocs) {
						stored.document(d.doc);
					}
					if (k >= 400) {
						plain[k - 400] = (System.nanoTime() - t) / 1e6;
					}
				}
			}
			// concurrently: the measured questions spread over the threads
			double seconds = concurrent(http, port, measured, threads);
			Arrays.sort(api);
			Arrays.sort(raw);
			Arrays.sort(plain);
			System.out.printf("%nqueries: %,d measured (half demand → achievements, half achievement → demands), %d held-apart warm-up%n",
					measured.size(), warmup.size());
			System.out.printf("%-52s %10s %10s%n", "", "p50 ms", "p99 ms");
			System.out.printf("%-52s %10.2f %10.2f%n", "HTTP GET …/matches, one at a time (top 10 + reasons)", pct(api, 50), pct(api, 99));
			System.out.printf("%-52s %10.2f %10.2f%n", "plain Lucene on the same index (match query, top 10)", pct(raw, 50), pct(raw, 99));
			System.out.printf("%-52s %10.2f %10.2f%n", "plain Lucene, smartcn index of the same texts", pct(plain, 50), pct(plain, 99));
			System.out.printf("ratios: API / plain Lucene on the same index p50 %.1f×, p99 %.1f×; indexing platform / plain smartcn %.2f×%n",
					pct(api, 50) / pct(raw, 50), pct(api, 99) / pct(raw, 99), platformIndexing / plainIndexing);
			System.out.printf("concurrent: %,d requests on %d threads in %.1f s: %,.0f requests/s%n", measured.size(), threads, seconds,
					measured.size() / seconds);
			System.out.printf("verified: every answer non-empty: %s; best match about the same part of the same industry in %,d of %,d, and also the same property in %,d%n",
					verified[1] == measured.size() ? "yes" : "no (" + verified[1] + ")", verified[2], measured.size(), verified[0]);
			System.out.printf("  (plain Lucene's best hit on the same index, members-only included: %,d of %,d)%n", rawVerified,
					measured.size());
			boolean ok = verified[1] == measured.size() && verified[2] >= 0.95 * measured.size();
			System.out.printf("targets: p99 < 50 ms: %s; ≥ 5,000 documents/s indexed: %s; answers checked: %s%n",
					pct(api, 99) < 50 ? "yes" : "no", platformIndexing >= 5000 ? "yes" : "no", ok ? "yes" : "NO");
			if (!ok) {
				System.exit(2);
			}
		}
		finally {
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	static final Pattern ITEM_ID = Pattern.compile("\\{\"id\":(\\d+)");

	static void runApi(HttpClient http, int port, List<long[]> qs, double[] out, Topic[] demandTopics,
			Topic[] achievementTopics, int[] verified, long firstDemand, long firstAchievement) throws Exception {
		for (int i = 0; i < qs.size(); i++) {
			long[] m = qs.get(i);
			String url = "http://127.0.0.1:" + port + "/api/v1/" + (m[0] == 1 ? "demands/" : "achievements/") + m[1] + "/matches";
			long t = System.nanoTime();
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
			out[i] = (System.nanoTime() - t) / 1e6;
			if (r.statusCode() != 200) {
				throw new IllegalStateException(r.statusCode() + " for " + url + ": " + r.body());
			}
			if (verified == null) {
				continue;
			}
			Matcher first = ITEM_ID.matcher(r.body());
			if (first.find()) {
				verified[1]++;
				Topic asked = (m[0] == 1 ? demandTopics : achievementTopics)[(int) m[2]];
				long best = Long.parseLong(first.group(1));
				Topic got = m[0] == 1 ? achievementTopics[(int) (best - firstAchievement)]
						: demandTopics[(int) (best - firstDemand)];
				if (got.industry() == asked.industry() && got.part() == asked.part()) {
					verified[2]++;
					if (got.property() == asked.property()) {
						verified[0]++;
					}
				}
			}
		}
	}

	static double concurrent(HttpClient http, int port, List<long[]> qs, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		long t = System.nanoTime();
		List<Future<?>> all = new ArrayList<>();
		for (int k = 0; k < threads; k++) {
			all.add(pool.submit(() -> {
				for (int i; (i = next.getAndIncrement()) < qs.size();) {
					long[] m = qs.get(i);
					String url = "http://127.0.0.1:" + port + "/api/v1/" + (m[0] == 1 ? "demands/" : "achievements/") + m[1] + "/matches";
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() != 200) {
						throw new IllegalStateException(r.statusCode() + " for " + url);
					}
				}
				return null;
			}));
		}
		for (Future<?> f : all) {
			f.get();
		}
		pool.shutdown();
		return (System.nanoTime() - t) / 1e9;
	}

	/** Plain Lucene: the texts with its own Chinese analyzer, one field, on every core as the platform does. */
	static void plainIndex(ByteBuffersDirectory dir, List<String[]> texts) throws Exception {
		try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new SmartChineseAnalyzer()))) {
			texts.parallelStream().forEach(t -> {
				Document d = new Document();
				d.add(new StoredField("id", Long.parseLong(t[1])));
				d.add(new org.apache.lucene.document.StringField("kind", t[0], Field.Store.NO));
				d.add(new TextField("text", t[2], Field.Store.NO));
				try {
					w.addDocument(d);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
	}

	static double pct(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	static String pick(Random r, String[] words) {
		return words[r.nextInt(words.length)];
	}

	/** COPYs n generated demands or achievements; answers the id of the first. */
	static long load(DataSource ds, String kind, int n, Random r, long[] alliances, long[][] orgs, Topic[] topics)
			throws Exception {
		boolean demand = kind.equals("demand");
		try (Connection c = ds.getConnection()) {
			PGConnection pg = c.unwrap(PGConnection.class);
			long before;
			try (var rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from transfer_" + kind)) {
				rs.next();
				before = rs.getLong(1);
			}
			int chunk = 20_000;
			for (int start = 0; start < n; start += chunk) {
				StringBuilder rows = new StringBuilder(chunk * 400);
				for (int i = start; i < Math.min(n, start + chunk); i++) {
					int a = r.nextInt(INDUSTRIES.length);
					String[] industry = INDUSTRIES[a];
					int part = 2 + r.nextInt(industry.length - 2);
					int property = r.nextInt(PROPERTIES.length);
					int method = r.nextInt(METHODS.length);
					topics[i] = new Topic(a, part, property, method);
					String p = industry[part];
					String prop = PROPERTIES[property];
					String m = METHODS[method];
					String condition = pick(r, CONDITIONS);
					int org = r.nextInt(orgs[a].length);
					String title;
					String description;
					if (demand) {
						title = r.nextBoolean() ? p + prop + "提升需求" : "解决" + industry[0] + p + prop + "不足的问题";
						description = "我单位从事" + industry[0] + "设备的生产与运营，现有" + p + "在" + condition + "工况下" + prop + "不能满足要求，平均"
								+ (3 + r.nextInt(20)) + "个月需要检修一次。希望寻求" + m + "或" + pick(r, METHODS) + "等技术，将" + prop + "提高"
								+ (10 + r.nextInt(60)) + "%以上。可提供" + pick(r, PLACES) + "的试验现场和研发经费，合作方式可以是技术许可或联合开发。";
					}
					else {
						title = "基于" + m + "的" + p + prop + "提升技术";
						description = "本成果采用" + m + "方法，针对" + industry[0] + "行业" + p + "在" + condition + "工况下" + prop + "的难题，形成了"
								+ (2 + r.nextInt(6)) + "项关键工艺。经" + pick(r, PLACES) + "用户现场试验，" + prop + "提高" + (10 + r.nextInt(60))
								+ "%，已在" + (1 + r.nextInt(30)) + "家企业应用。";
					}
					rows.append(alliances[a]).append('\t').append(orgs[a][org]).append('\t').append(title).append('\t')
						.append(description).append('\t').append(industry[1]).append('\t')
						.append(PROVINCES[r.nextInt(PROVINCES.length)]).append('\t')
						.append(i % 20 == 0 ? "MEMBERS" : "PUBLIC");
					if (demand) {
						rows.append('\t').append(10 + r.nextInt(500)).append('\t').append("2027-")
							.append(String.format("%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)));
					}
					else {
						String ip = pick(r, IP);
						rows.append('\t').append(3 + r.nextInt(7)).append('\t').append(ip).append('\t')
							.append(ip.equals("GRANTED_PATENT") ? "ZL2023" + (10000000 + r.nextInt(89999999)) + ".X" : "\\N")
							.append('\t').append(pick(r, MODES)).append('\t').append("面议");
					}
					rows.append('\n');
				}
				pg.getCopyAPI().copyIn("COPY transfer_" + kind + " (alliance_id, organization_id, title, description, field, region, visibility, "
						+ (demand ? "budget, deadline" : "maturity, ip_status, patent_number, transfer_modes, terms") + ") FROM STDIN",
						new StringReader(rows.toString()));
			}
			return before + 1;
		}
	}
}
