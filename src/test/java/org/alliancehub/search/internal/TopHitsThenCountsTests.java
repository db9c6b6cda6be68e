package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchResult;
import org.alliancehub.search.SearchSynonyms;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A question never asked before is answered in two passes (stop 25): its best hits by a top-k search that skips what
 * cannot make the page ({@link RecencyLift}), then its total and facets by a pass that scores nothing. Both give what
 * the one pass that scored every hit through {@code FunctionScoreQuery.boostByValue} gave: the same hits with the same
 * scores bit for bit, in the same order, the same total and the same facet counts.
 */
class TopHitsThenCountsTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private final Access access = mock(Access.class);

	private final SearchSynonyms synonyms = mock(SearchSynonyms.class);

	private static final String[] SENTENCES = { "高铬铸铁过流部件耐磨试验取得进展。", "联盟秘书处发布了团体标准的征求意见稿。",
			"渣浆泵叶轮的磨损在高浓度工况下明显加快！", "會員單位就標準草案提出了修改意見。", "本季度共有十二家企业加入产业联盟。",
			"泵体采用双相不锈钢，耐腐蚀性能良好。", "关于举办耐磨材料技术交流会的通知。", "理事会审议通过了年度工作计划。",
			"渣浆泵联盟成立大会在石家庄召开，会议签署战略合作协议。" };

	private static final String[] QUESTIONS = { "高铬铸铁", "联盟 标准", "\"耐磨试验\"", "渣浆泵", "標準", "泵 叶轮 磨损", "耐磨",
			"理事会 计划", "渣浆泵联盟成立大会", "成立大会签署战略合作协议", "联盟 -标准", "石家庄工业泵厂牵头组建联盟", "联盟", "耐模" };

	private static final String[] CATEGORIES = { "POLICY", "MEDIA", "TECHNOLOGY" };

	@BeforeEach
	void fill() {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		when(access.membersOnlyScope()).thenReturn(Set.of());
		when(access.organizationsActedFor()).thenReturn(Set.of());
		when(synonyms.folded()).thenReturn(List.of());
		when(synonyms.allianceByName()).thenReturn(Map.of());
		Random random = new Random(25);
		for (int round = 0; round < 3; round++) {
			// three writes: several segments, and replaced documents (deletions); dates over ten years, some alike
			Map<String, Document> batch = new LinkedHashMap<>();
			for (int id = 1; id <= 700; id++) {
				if (round > 0 && id % (round + 2) != 0) {
					continue;
				}
				StringBuilder body = new StringBuilder();
				for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
					body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
				}
				long millis = 1_480_000_000_000L + random.nextInt(3_650) * 86_400_000L;
				batch.put("ARTICLE:" + id, document(id, SENTENCES[random.nextInt(SENTENCES.length)], body.toString(), millis));
			}
			index.write(batch, 0);
		}
	}

	@AfterEach
	void close() {
		index.close();
	}

	/** A searchable article (see {@link TestDocuments#searchable}) with a category; one in 11 members-only. */
	private static Document document(long id, String title, String body, long millis) {
		Document d = TestDocuments.searchable(id, title, body, millis, id % 11 == 0 ? 7L : null);
		d.add(new SortedDocValuesField(IndexDocuments.CATEGORY, new BytesRef(CATEGORIES[(int) (id % 7 % 3)])));
		return d;
	}

	/** The query as the search before stop 25 asked it: the words, filters and the recency lift of FunctionScoreQuery. */
	private static Query onePass(Query lifted, long minute) {
		return FunctionScoreQuery.boostByValue(((RecencyLift) lifted).query(), new RecencyBoost(minute));
	}

	private static <T> T over(SearchIndex index, Work<T> work) {
		return index.search(searcher -> {
			try {
				return work.on(searcher);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	interface Work<T> {
		T on(IndexSearcher searcher) throws IOException;
	}

	private static List<String> docsAndScores(TopDocs top) {
		List<String> out = new ArrayList<>();
		for (ScoreDoc d : top.scoreDocs) {
			out.add(d.doc + ":" + Float.floatToIntBits(d.score));
		}
		return out;
	}

	@Test
	void theTopHitsSkippingWhatCannotMakeThePageAreTheHitsAndScoresOfScoringEveryHitBitForBit() {
		Searcher searcher = new Searcher(index, access, synonyms);
		long minute = System.currentTimeMillis() / 60_000 * 60_000;
		int compared = 0;
		for (String q : QUESTIONS) {
			for (SearchQuery asked : List.of(query(q, 0, 10), new SearchQuery(q, "a1", null, null, null, null, SearchQuery.Order.RELEVANCE, 0, 10))) {
				Query lifted = searcher.query(asked, minute);
				for (int depth : new int[] { 1, 3, 10, 25, 60 }) {
					List<String>[] both = over(index, s -> {
						@SuppressWarnings("unchecked")
						List<String>[] r = new List[] {
								docsAndScores(s.search(onePass(lifted, minute), new TopScoreDocCollectorManager(depth, Integer.MAX_VALUE))),
								docsAndScores(s.search(lifted, new TopScoreDocCollectorManager(depth, null, depth))) };
						return r;
					});
					assertThat(both[1]).as(q + " at depth " + depth).isEqualTo(both[0]);
					compared += both[0].size();
				}
			}
		}
		assertThat(compared).isGreaterThan(1_000);
	}

	@Test
	void theTopHitsPassScoresFewerDocumentsThanMatch() {
		Searcher searcher = new Searcher(index, access, synonyms);
		long minute = System.currentTimeMillis() / 60_000 * 60_000;
		Query lifted = searcher.query(query("联盟", 0, 10), minute);
		long[] counted = over(index, s -> new long[] { s.count(lifted), collected(s, onePass(lifted, minute)),
				collected(s, lifted) });
		assertThat(counted[0]).isGreaterThan(300);
		// scoring every hit, as FunctionScoreQuery (unbounded) makes it
		assertThat(counted[1]).isEqualTo(counted[0]);
		// the lift tells its bound, so the documents that cannot make the top 10 are skipped
		assertThat(counted[2]).isLessThan(counted[0] / 2);
	}

	/** How many documents a top-10 search of the query is given to collect. */
	@SuppressWarnings("deprecation")
	private static long collected(IndexSearcher s, Query query) throws IOException {
		long[] n = { 0 };
		Collector top = TopScoreDocCollector.create(10, 10);
		s.search(query, new FilterCollector(top) {
			@Override
			public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
				return new FilterLeafCollector(super.getLeafCollector(context)) {
					@Override
					public void collect(int doc) throws IOException {
						n[0]++;
						super.collect(doc);
					}
				};
			}
		});
		return n[0];
	}

	/** A question's answer by a fresh searcher (nothing kept from another question), and the minute of its lift. */
	private record Answered(Searcher searcher, long minute, SearchResult answer) {
	}

	private Answered answered(SearchQuery asked) {
		Searcher searcher = new Searcher(index, access, synonyms);
		long minute;
		SearchResult answer;
		do {
			minute = System.currentTimeMillis() / 60_000 * 60_000;
			answer = searcher.search(asked);
		}
		while (minute != System.currentTimeMillis() / 60_000 * 60_000);
		return new Answered(searcher, minute, answer);
	}

	/** The article ids of the hits, from the first on. */
	private static List<Long> ids(IndexSearcher s, ScoreDoc[] docs, int from) throws IOException {
		List<Long> ids = new ArrayList<>();
		for (int i = from; i < docs.length; i++) {
			ids.add(s.storedFields().document(docs[i].doc).getField(IndexDocuments.ID).numericValue().longValue());
		}
		return ids;
	}

	@Test
	void aPageIsTheBestCandidatesByTheirWordsWithTheFirstHundredRescoredByTheWholeQuestionWithLucenesRescorer() {
		int compared = 0;
		int deeper = 0;
		for (String q : QUESTIONS) {
			for (SearchQuery asked : List.of(query(q, 0, 10), query(q, 1, 10), query(q, 9, 10), query(q, 10, 10), query(q, 0, 150),
					query(q, 3, 50), new SearchQuery(q, "a1", "POLICY", null, null, null, SearchQuery.Order.RELEVANCE, 2, 50))) {
				Answered answered = answered(asked);
				Searcher searcher = answered.searcher();
				long minute = answered.minute();
				SearchResult answer = answered.answer();
				Query candidates = searcher.candidates(asked, minute);
				Query whole = searcher.query(asked, minute);
				int depth = (asked.page() + 1) * asked.size();
				// stock Lucene: the first phase's best (at least a hundred), the first hundred of them rescored
				List<Long> expected = over(index, s -> {
					TopDocs first = s.search(candidates, Math.max(depth, 100));
					ScoreDoc[] window = java.util.Arrays.copyOf(first.scoreDocs, Math.min(100, first.scoreDocs.length));
					TopDocs rescored = new org.apache.lucene.search.QueryRescorer(whole) {
						@Override
						protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
							return secondPassMatches ? secondPassScore : firstPassScore;
						}
					}.rescore(s, new TopDocs(first.totalHits, window), window.length);
					List<ScoreDoc> all = new ArrayList<>(List.of(rescored.scoreDocs));
					all.addAll(List.of(first.scoreDocs).subList(window.length, first.scoreDocs.length));
					return ids(s, all.subList(0, Math.min(depth, all.size())).toArray(ScoreDoc[]::new), asked.page() * asked.size());
				});
				assertThat(answer.items().stream().map(SearchResult.Hit::id).toList()).as(asked.toString()).isEqualTo(expected);
				compared += expected.size();
				if (depth > Ranking.WINDOW) {
					deeper += expected.size();
				}
			}
		}
		assertThat(compared).isGreaterThan(2_000);
		assertThat(deeper).as("hits deeper than the rescored window").isGreaterThan(500);
	}

	@Test
	void hitsDeeperThanTheWindowKeepTheScoreOfTheirWordsSoPagesNeitherRepeatNorSkipAHit() {
		int beyond = 0;
		for (String q : QUESTIONS) {
			Searcher searcher = new Searcher(index, access, synonyms);
			long minute;
			SearchResult all;
			List<SearchResult.Hit> paged = new ArrayList<>();
			do {
				minute = System.currentTimeMillis() / 60_000 * 60_000;
				all = searcher.search(query(q, 0, 200));
				paged.clear();
				for (int page = 0; page < 20; page++) {
					paged.addAll(searcher.search(query(q, page, 10)).items());
				}
			}
			while (minute != System.currentTimeMillis() / 60_000 * 60_000);
			List<Long> ids = all.items().stream().map(SearchResult.Hit::id).toList();
			assertThat(paged.stream().map(SearchResult.Hit::id).toList()).as(q).isEqualTo(ids);
			assertThat(ids).as(q).doesNotHaveDuplicates();
			for (int i = 1; i < all.items().size(); i++) {
				assertThat(all.items().get(i).score()).as(q + " at " + i).isLessThanOrEqualTo(all.items().get(i - 1).score());
			}
			// the window's hits have the whole question's score (the one pass's, bit for bit), the deeper ones their words'
			Query whole = onePass(searcher.query(query(q, 0, 200), minute), minute);
			Query words = onePass(searcher.candidates(query(q, 0, 200), minute), minute);
			List<SearchResult.Hit> hits = all.items();
			long differing = over(index, s -> {
				Map<Long, Float> wholeScores = scores(s, whole);
				Map<Long, Float> wordScores = scores(s, words);
				long n = 0;
				for (int i = 0; i < hits.size(); i++) {
					SearchResult.Hit h = hits.get(i);
					Map<Long, Float> expected = i < Ranking.WINDOW ? wholeScores : wordScores;
					assertThat(Float.floatToIntBits(h.score())).as(q + " at " + i).isEqualTo(Float.floatToIntBits(expected.get(h.id())));
					if (i >= Ranking.WINDOW && !wholeScores.get(h.id()).equals(wordScores.get(h.id()))) {
						n++;
					}
				}
				return n;
			});
			beyond += (int) differing;
		}
		// deeper than the window the order is the words' (on a one-pass ranking these hits had the whole question's score)
		assertThat(beyond).as("hits deeper than the window whose words score less than the whole question").isGreaterThan(100);
	}

	/** Every hit's score by the query, by article id. */
	private static Map<Long, Float> scores(IndexSearcher s, Query query) throws IOException {
		Map<Long, Float> out = new HashMap<>();
		for (ScoreDoc d : s.search(query, Integer.MAX_VALUE).scoreDocs) {
			out.put(s.storedFields().document(d.doc).getField(IndexDocuments.ID).numericValue().longValue(), d.score);
		}
		return out;
	}

	private static SearchQuery query(String q, int page, int size) {
		return new SearchQuery(q, null, null, null, null, null, SearchQuery.Order.RELEVANCE, page, size);
	}

	@Test
	void aNewQuestionsAnswerHasTheHitsTotalAndFacetsOfTheOnePassThatScoredEveryHit() {
		int compared = 0;
		for (String q : QUESTIONS) {
			for (SearchQuery asked : List.of(query(q, 0, 10), query(q, 1, 5), query(q, 0, 50),
					new SearchQuery(q, null, "POLICY", null, null, null, SearchQuery.Order.RELEVANCE, 0, 10),
					new SearchQuery(q, "a2", null, null, null, java.time.LocalDate.of(2022, 1, 1), SearchQuery.Order.RELEVANCE, 0, 10),
					new SearchQuery(q, null, null, null, null, null, SearchQuery.Order.DATE, 0, 10))) {
				// a fresh searcher each time: nothing kept from another question
				Answered answered = answered(asked);
				Searcher searcher = answered.searcher();
				long minute = answered.minute();
				SearchResult answer = answered.answer();
				Query reference = onePass(searcher.query(asked, minute), minute);
				int depth = (asked.page() + 1) * asked.size();
				Object[] expected = over(index, s -> {
					Object[] r = s.search(reference, new MultiCollectorManager(asked.order() == SearchQuery.Order.DATE
							? new TopFieldCollectorManager(new Sort(new SortField(IndexDocuments.PUBLISHED, SortField.Type.LONG, true)), depth, Integer.MAX_VALUE)
							: new TopScoreDocCollectorManager(depth, Integer.MAX_VALUE), new FacetCounts()));
					List<Long> ids = new ArrayList<>();
					ScoreDoc[] docs = ((TopDocs) r[0]).scoreDocs;
					for (int i = asked.page() * asked.size(); i < docs.length; i++) {
						ids.add(s.storedFields().document(docs[i].doc).getField(IndexDocuments.ID).numericValue().longValue());
					}
					return new Object[] { ids, ((TopDocs) r[0]).totalHits.value, ((FacetCounts.Counted) r[1]).facets() };
				});
				assertThat(answer.items().stream().map(SearchResult.Hit::id).toList()).as(asked.toString()).isEqualTo(expected[0]);
				assertThat(answer.total()).as(asked.toString()).isEqualTo(expected[1]);
				Map<String, Map<String, Long>> facets = new HashMap<>();
				answer.facets().forEach((facet, counts) -> counts.forEach(c -> facets.computeIfAbsent(facet, k -> new HashMap<>()).put(c.value(), c.count())));
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Long>> expectedFacets = (Map<String, Map<String, Long>>) expected[2];
				assertThat(facets).as(asked.toString()).isEqualTo(expectedFacets);
				compared += answer.items().size();
			}
		}
		assertThat(compared).isGreaterThan(500);
	}
}
