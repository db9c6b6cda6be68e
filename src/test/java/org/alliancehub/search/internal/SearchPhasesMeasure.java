package org.alliancehub.search.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;


/**
 * Not a test: where a question never asked before spends its CPU in the search module alone (no HTTP), phase by phase
 * (parse, the top hits, the count and facets, the shown hits), over an index of the search benchmark's synthetic
 * articles ({@code -Ddocs=}, kept in {@code -Ddir=} and reused when it is there) with the benchmark's mix of questions.
 * Prints the thread CPU of each phase (p50, p99 and the sum) over the questions.
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.alliancehub.search.internal.SearchPhasesMeasure}.
 */
public final class SearchPhasesMeasure {

	static final String[] INDUSTRIES = { "渣浆泵", "环保装备", "化纤", "半导体照明", "粉末冶金", "集成电路封测", "汽车轻量化", "农业装备",
			"木竹", "再生资源", "存储", "太阳能光热", "烟气污染治理", "电子贸易", "住宅科技", "纺织设备", "煤化工", "健康建筑", "临床试验", "纳米科技" };

	static final String[] TOPICS = { "节能降耗", "智能制造", "耐磨材料", "绿色低碳", "数字化转型", "质量提升", "国际合作", "知识产权", "安全生产",
			"循环利用", "精密加工", "自动化控制", "检验检测", "产品认证", "人才培养", "成果转化" };

	static final String[] VERBS = { "召开", "发布", "启动", "完成", "推进", "举办", "签署", "通过" };

	static final String[] OBJECTS = { "研讨会", "年会", "团体标准", "战略合作协议", "示范基地", "联合攻关项目", "产业调查", "培训班", "成果对接会",
			"质量检测报告" };

	static final String[] PLACES = { "北京", "石家庄", "营口", "宁安", "上海", "杭州", "苏州", "青岛", "武汉", "成都", "西安", "天津" };

	static final String[] SUBJECTS = { "技术", "标准", "市场", "政策", "产品", "工艺", "材料", "装备" };

	public static void main(String[] args) throws Exception {
		int docs = Integer.getInteger("docs", 100_000);
		int questions = Integer.getInteger("questions", 400);
		Path data = Path.of(System.getProperty("dir", "/tmp/search-phases-" + docs));
		boolean fill = !Files.exists(data.resolve("filled"));
		Files.createDirectories(data);
		SearchIndex index = new SearchIndex(
				new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		if (fill) {
			long t = System.nanoTime();
			Random r = new Random(42);
			Map<String, Document> batch = new LinkedHashMap<>();
			for (int id = 1; id <= docs; id++) {
				int a = r.nextInt(INDUSTRIES.length);
				String industry = INDUSTRIES[a];
				String topic = pick(r, TOPICS);
				int year = 2013 + r.nextInt(13);
				String title = industry + "联盟" + pick(r, VERBS) + topic + pick(r, OBJECTS);
				StringBuilder body = new StringBuilder();
				body.append(pick(r, PLACES)).append("，").append(industry).append("产业技术创新战略联盟").append(pick(r, VERBS))
					.append(pick(r, OBJECTS)).append("，围绕").append(topic).append("与").append(pick(r, TOPICS)).append("开展交流。 ");
				body.append("会议指出，").append(industry).append("行业正处于转型升级的关键时期，").append(topic).append("是提升")
					.append(pick(r, SUBJECTS)).append("竞争力的核心。 ");
				body.append(year).append("年，联盟成员单位在").append(pick(r, TOPICS)).append("方面取得进展，相关").append(pick(r, SUBJECTS))
					.append("达到国内先进水平。 ");
				if (r.nextInt(5) == 0) {
					body.append("相关产品依据GB/T ").append(1000 + r.nextInt(9000)).append("-").append(year).append("和ISO 9001组织生产。 ");
				}
				body.append("本次活动由联盟秘书处组织，").append(5 + r.nextInt(60)).append("家成员单位的代表参加。下一步，联盟将继续")
					.append(pick(r, VERBS)).append(pick(r, OBJECTS)).append("，服务行业高质量发展。");
				long millis = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28)).atStartOfDay(java.time.ZoneOffset.ofHours(8))
					.toInstant().toEpochMilli();
				batch.put("ARTICLE:" + id, TestDocuments.searchable(id, title, body.toString(), millis, r.nextInt(20) == 0 ? 7L : null));
				if (batch.size() == 2000 || id == docs) {
					index.write(batch, 0);
					batch.clear();
				}
				if (id % 50_000 == 0) {
					System.out.printf("indexed %,d in %.0f s%n", id, (System.nanoTime() - t) / 1e9);
				}
			}
			index.commitQuietly();
			Files.writeString(data.resolve("filled"), "yes");
			System.out.printf("indexed %,d documents in %.0f s%n", docs, (System.nanoTime() - t) / 1e9);
		}
		Searcher searcher = SearchCostMeasure.anonymous(index);
		ShownHits shown = new ShownHits(index.highlightAnalyzer());
		var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		List<String[]> asked = queries(questions, new Random(7));
		String[] phases = { "whole search (Searcher.search)", "parse", "top hits (lifted, WAND)", "count and facets",
				"shown hits", "count alone (IndexSearcher.count)", "count and facets, counting query",
				"top hits, two phases (Ranking)", "top hits, two phases, counting query first" };
		// the first phase of a ranking in two (stop 27), where the build has it
		java.lang.reflect.Method candidatesOf = null;
		try {
			candidatesOf = Searcher.class.getDeclaredMethod("candidates", SearchQuery.class, long.class);
		}
		catch (NoSuchMethodException e) {
			System.out.println("no ranking in two phases in this build");
		}
		java.lang.reflect.Method twoPhases = candidatesOf;
		int[] windows = { 50, 100, 200 };
		// the query that matches the same documents with fewer clauses, where the build has it (stop 26)
		java.lang.reflect.Method found = null;
		try {
			found = Searcher.class.getDeclaredMethod("parse", String.class, List.class, Map.class, boolean.class);
		}
		catch (NoSuchMethodException e) {
			System.out.println("no counting query in this build");
		}
		java.lang.reflect.Method countingParse = found;
		for (int round = 0; round < Integer.getInteger("rounds", 3); round++) {
			long[][] cpu = new long[phases.length][asked.size()];
			// per window: the questions whose first 10 hits in two phases are those of the one pass, in order
			int[] samePage = new int[windows.length];
			int[] samePageCounting = new int[windows.length];
			int ranked = 0;
			Map<String, long[]> byKind = new LinkedHashMap<>();
			long day = round * 100_000L;
			for (int i = 0; i < asked.size(); i++) {
				String[] q = asked.get(i);
				LocalDate to = LocalDate.of(2100, 1, 1).plusDays(day++);
				SearchQuery sq = new SearchQuery(q[0], param(q[1], "alliance"), null,
						param(q[1], "type") == null ? null : DocumentType.valueOf(param(q[1], "type")), null, to,
						q[1].contains("sort=DATE") ? SearchQuery.Order.DATE : SearchQuery.Order.RELEVANCE, 0, 10);
				long c0 = bean.getCurrentThreadCpuTime();
				searcher.search(sq);
				long c1 = bean.getCurrentThreadCpuTime();
				cpu[0][i] = c1 - c0;
				byKind.computeIfAbsent(i % 8 + " " + q[0] + q[1], k -> new long[1])[0] += c1 - c0;
				if (sq.order() == SearchQuery.Order.DATE) {
					continue;
				}
				long minute = System.currentTimeMillis() / 60_000 * 60_000;
				long p0 = bean.getCurrentThreadCpuTime();
				Query words = searcher.parse(ChineseText.fold(q[0].strip()), List.of(), Map.of());
				Query filtered = ((RecencyLift) searcher.query(sq, minute)).query();
				Query counting = countingParse == null ? null
						: counting(filtered, (Query) countingParse.invoke(searcher, ChineseText.fold(q[0].strip()), List.of(), Map.of(), true));
				Query candidates = twoPhases == null ? null : ((RecencyLift) twoPhases.invoke(searcher, sq, minute)).query();
				int[] same = new int[windows.length];
				int[] sameCounting = new int[windows.length];
				long p1 = bean.getCurrentThreadCpuTime();
				cpu[1][i] = p1 - p0;
				long[] c = index.search(cached -> {
					try {
						// without the query cache: each phase's own cost, not what an earlier phase left cached
						org.apache.lucene.search.IndexSearcher s = new org.apache.lucene.search.IndexSearcher(cached.getIndexReader());
						s.setQueryCache(null);
						long[] out = new long[7];
						Query shared = SharedTermStates.share(filtered, s);
						long a = bean.getCurrentThreadCpuTime();
						TopDocs top = s.search(new RecencyLift(shared, minute), new TopScoreDocCollectorManager(10, null, 10));
						long b = bean.getCurrentThreadCpuTime();
						s.search(shared, new FacetCounts());
						long d = bean.getCurrentThreadCpuTime();
						shown.hits(s, words, Arrays.copyOf(top.scoreDocs, top.scoreDocs.length, ScoreDoc[].class));
						long e = bean.getCurrentThreadCpuTime();
						s.count(shared);
						long f = bean.getCurrentThreadCpuTime();
						out[0] = b - a;
						out[1] = d - b;
						out[2] = e - d;
						out[3] = f - e;
						if (counting != null) {
							Query sharedCounting = SharedTermStates.share(counting, s);
							long g = bean.getCurrentThreadCpuTime();
							s.search(sharedCounting, new FacetCounts());
							out[4] = bean.getCurrentThreadCpuTime() - g;
						}
						if (candidates != null) {
							Query first = SharedTermStates.share(candidates, s);
							Query whole = candidates.equals(filtered) ? null : new RecencyLift(shared, minute);
							long h = bean.getCurrentThreadCpuTime();
							TopDocs two = Ranking.top(s, new RecencyLift(first, minute), whole, 10);
							out[5] = bean.getCurrentThreadCpuTime() - h;
							for (int w = 0; w < windows.length; w++) {
								TopDocs firstPhase = s.search(new RecencyLift(first, minute), windows[w]);
								TopDocs page = whole == null ? firstPhase : Ranking.rescored(s, firstPhase, whole, windows[w]);
								same[w] = docs(page, 10).equals(docs(top, 10)) ? 1 : 0;
							}
							// the counting query (pairs only for Chinese words, no lifts) as the first phase
							Query firstCounting = SharedTermStates.share(counting, s);
							long k = bean.getCurrentThreadCpuTime();
							TopDocs twoCounting = Ranking.rescored(s, s.search(new RecencyLift(firstCounting, minute),
									new TopScoreDocCollectorManager(Ranking.WINDOW, null, Ranking.WINDOW)), new RecencyLift(shared, minute));
							out[6] = bean.getCurrentThreadCpuTime() - k;
							for (int w = 0; w < windows.length; w++) {
								TopDocs firstPhase = s.search(new RecencyLift(firstCounting, minute), windows[w]);
								sameCounting[w] = docs(Ranking.rescored(s, firstPhase, new RecencyLift(shared, minute), windows[w]), 10)
									.equals(docs(top, 10)) ? 1 : 0;
							}
							if (!docs(two, 10).equals(docs(whole == null ? s.search(new RecencyLift(first, minute), 10)
									: Ranking.rescored(s, s.search(new RecencyLift(first, minute), Ranking.WINDOW), whole), 10))) {
								throw new IllegalStateException("Ranking.top is not its two phases for " + q[0]);
							}
						}
						return out;
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
				for (int k = 0; k < 7; k++) {
					cpu[2 + k][i] = c[k];
				}
				if (candidates != null) {
					ranked++;
					for (int w = 0; w < windows.length; w++) {
						samePage[w] += same[w];
						samePageCounting[w] += sameCounting[w];
					}
				}
			}
			System.out.printf("round %d, %d questions over %,d documents (thread CPU, ms):%n", round, asked.size(), docs);
			for (int p = 0; p < phases.length; p++) {
				long[] sorted = cpu[p].clone();
				Arrays.sort(sorted);
				System.out.printf("  %-36s p50 %7.2f  p90 %7.2f  p99 %7.2f  sum %8.0f%n", phases[p], pct(sorted, 50) / 1e6,
						pct(sorted, 90) / 1e6, pct(sorted, 99) / 1e6, Arrays.stream(sorted).sum() / 1e6);
			}
			for (int w = 0; w < windows.length && ranked > 0; w++) {
				System.out.printf("  window %d: the first 10 hits in two phases are the one pass's, in order, for %d of %d questions%n",
						windows[w], samePage[w], ranked);
				System.out.printf("  window %d, counting query first: the same for %d of %d questions%n", windows[w],
						samePageCounting[w], ranked);
			}
			if (Boolean.getBoolean("kinds")) {
				byKind.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(15)
					.forEach(e -> System.out.printf("    %8.1f ms  %s%n", e.getValue()[0] / 1e6, e.getKey()));
			}
		}
		index.close();
	}

	/** The first n documents of the hits. */
	static List<Integer> docs(TopDocs top, int n) {
		return Arrays.stream(top.scoreDocs).limit(n).map(d -> d.doc).toList();
	}

	/** The filtered query with the counting query in place of its words (its first clause). */
	static Query counting(Query filtered, Query words) {
		var b = new org.apache.lucene.search.BooleanQuery.Builder();
		var clauses = ((org.apache.lucene.search.BooleanQuery) filtered).clauses();
		b.add(words, clauses.get(0).getOccur());
		clauses.stream().skip(1).forEach(c -> b.add(c));
		return b.build();
	}

	static long pct(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	static String param(String params, String name) {
		var m = java.util.regex.Pattern.compile("&" + name + "=([^&]*)").matcher(params);
		return m.find() ? m.group(1) : null;
	}

	static String pick(Random r, String[] words) {
		return words[r.nextInt(words.length)];
	}

	/** The search benchmark's mix (bench/search/SearchBench.java, queries), but for the 繁體 one (written in 简体). */
	static List<String[]> queries(int count, Random r) {
		List<String[]> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String industry = pick(r, INDUSTRIES);
			String topic = pick(r, TOPICS);
			out.add(switch (i % 8) {
				case 0 -> new String[] { industry, "" };
				case 1 -> new String[] { industry + " " + topic, "" };
				case 2 -> new String[] { industry + topic, "" };
				case 3 -> new String[] { "\"" + topic + "\"", "" };
				case 4 -> new String[] { topic, "&alliance=a" + r.nextInt(3) };
				case 5 -> new String[] { pick(r, OBJECTS), "&sort=DATE" };
				case 6 -> new String[] { "GB/T " + (1000 + r.nextInt(9000)), "" };
				default -> new String[] { pick(r, PLACES) + " " + pick(r, OBJECTS), "&type=ARTICLE" };
			});
		}
		return out;
	}
}
