package org.alliancehub.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question's query with its terms' statistics shared ({@link SharedTermStates}) finds the same documents with the
 * same scores, in the same order, as the query as parsed, over an index of several segments with deletions, and
 * looks each term up once.
 */
class SharedTermStatesTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private static final String[] SENTENCES = { "高铬铸铁过流部件耐磨试验取得进展。", "联盟秘书处发布了团体标准的征求意见稿。",
			"渣浆泵叶轮的磨损在高浓度工况下明显加快！", "會員單位就標準草案提出了修改意見。", "本季度共有十二家企业加入产业联盟。",
			"泵体采用双相不锈钢，耐腐蚀性能良好。", "关于举办耐磨材料技术交流会的通知。", "理事会审议通过了年度工作计划。",
			"渣浆泵联盟成立大会在石家庄召开，会议签署战略合作协议。" };

	private static final String[] QUESTIONS = { "高铬铸铁", "联盟 标准", "\"耐磨试验\"", "渣浆泵", "標準", "泵 叶轮 磨损", "耐磨",
			"理事会 计划", "渣浆泵联盟成立大会", "成立大会签署战略合作协议", "联盟 -标准", "石家庄工业泵厂牵头组建联盟", "联盟" };

	@BeforeEach
	void fill() {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		Random random = new Random(23);
		for (int round = 0; round < 3; round++) {
			// three writes of many documents each: several segments, and replaced documents (deletions)
			Map<String, Document> batch = new java.util.LinkedHashMap<>();
			for (int id = 1; id <= 60; id++) {
				if (round > 0 && id % (round + 2) != 0) {
					continue;
				}
				StringBuilder body = new StringBuilder();
				for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
					body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
				}
				batch.put("ARTICLE:" + id, document(id, SENTENCES[random.nextInt(SENTENCES.length)], body.toString()));
			}
			index.write(batch, 0);
		}
	}

	@AfterEach
	void close() {
		index.close();
	}

	private static Document document(long id, String title, String body) {
		Document d = new Document();
		d.add(new StringField(SearchIndex.KEY, "ARTICLE:" + id, Field.Store.YES));
		d.add(new StoredField(IndexDocuments.ID, id));
		d.add(new NumericDocValuesField(IndexDocuments.PUBLISHED, 1_700_000_000_000L + id * 86_400_000L));
		String foldedTitle = ChineseText.fold(title);
		String foldedBody = ChineseText.fold(body);
		d.add(new TextField(Analyzers.TITLE, foldedTitle, Field.Store.YES));
		d.add(new TextField(Analyzers.BODY_WORDS, foldedBody, Field.Store.NO));
		d.add(new TextField(Analyzers.TITLE_BIGRAMS, foldedTitle, Field.Store.NO));
		d.add(new Field(Analyzers.BODY_BIGRAMS, foldedBody, Analyzers.WITH_OFFSETS));
		d.add(new StringField(IndexDocuments.VISIBILITY, id % 5 == 0 ? "MEMBERS" : "PUBLIC", Field.Store.NO));
		return d;
	}

	private Query question(String q) {
		Query words = new Questions(index.queryAnalyzer()).parse(ChineseText.fold(q), List.of());
		// as Searcher filters it: the words, and a visibility filter
		return new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
			.add(new TermQuery(new Term(IndexDocuments.VISIBILITY, "PUBLIC")), BooleanClause.Occur.FILTER)
			.build();
	}

	@Test
	void theSharedQueryFindsTheSameDocumentsWithTheSameScoresInTheSameOrder() {
		int compared = 0;
		for (String q : QUESTIONS) {
			Query plain = question(q);
			List<String>[] both = index.search(searcher -> {
				try {
					assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
					Query shared = SharedTermStates.share(plain, searcher);
					@SuppressWarnings("unchecked")
					List<String>[] r = new List[] { hits(searcher.search(FunctionScoreQuery.boostByValue(plain, new RecencyBoost(1_800_000_000_000L)), 1000)),
							hits(searcher.search(FunctionScoreQuery.boostByValue(shared, new RecencyBoost(1_800_000_000_000L)), 1000)) };
					return r;
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			assertThat(both[1]).as(q).isEqualTo(both[0]);
			compared += both[0].size();
		}
		assertThat(compared).isGreaterThan(200);
	}

	@Test
	void eachTermIsLookedUpOnceForAllThePlacesItStandsIn() {
		Query plain = question("渣浆泵联盟成立大会");
		index.search(searcher -> {
			try {
				Query shared = SharedTermStates.share(plain, searcher);
				Map<TermStates, Term> states = new IdentityHashMap<>();
				List<Term> places = new ArrayList<>();
				shared.visit(new QueryVisitor() {
					@Override
					public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
						return this;
					}

					@Override
					public void consumeTerms(Query query, Term... terms) {
						if (query instanceof TermQuery t) {
							assertThat(t.getTermStates()).as("term states given to " + t).isNotNull();
							assertThat(t.getTermStates().wasBuiltFor(searcher.getTopReaderContext())).isTrue();
							Term before = states.put(t.getTermStates(), t.getTerm());
							assertThat(before == null || before.equals(t.getTerm())).isTrue();
							places.add(t.getTerm());
						}
					}
				});
				// many places, each term's statistics built once
				assertThat(places.size()).isGreaterThan(40);
				assertThat(states).hasSize((int) places.stream().distinct().count());
				return null;
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	/** Each term query's term and the statistics it was given. */
	private static Map<Term, TermStates> statesOf(Query query) {
		Map<Term, TermStates> states = new java.util.HashMap<>();
		query.visit(new QueryVisitor() {
			@Override
			public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
				return this;
			}

			@Override
			public void consumeTerms(Query q, Term... terms) {
				if (q instanceof TermQuery t) {
					states.put(t.getTerm(), t.getTermStates());
				}
			}
		});
		return states;
	}

	/** The query's hits over the searcher, plainly and sharing the statistics kept for its reader; both must be equal. */
	private static List<String>[] plainAndShared(IndexSearcher searcher, Query plain, SharedTermStates.OfReader kept,
			Map<Term, TermStates> given) throws IOException {
		Query shared = SharedTermStates.share(plain, searcher, kept);
		given.putAll(statesOf(shared));
		@SuppressWarnings("unchecked")
		List<String>[] r = new List[] { hits(searcher.search(FunctionScoreQuery.boostByValue(plain, new RecencyBoost(1_800_000_000_000L)), 1000)),
				hits(searcher.search(FunctionScoreQuery.boostByValue(shared, new RecencyBoost(1_800_000_000_000L)), 1000)) };
		return r;
	}

	@Test
	void aTermsStatisticsAreBuiltOnceForAnIndexReaderAndAfreshForTheNext() {
		SharedTermStates.OfReader kept = new SharedTermStates.OfReader();
		Map<Term, TermStates> first = new java.util.HashMap<>();
		Map<Term, TermStates> second = new java.util.HashMap<>();
		Map<Term, TermStates> afterChange = new java.util.HashMap<>();
		List<List<String>[]> answers = new ArrayList<>();
		index.search(searcher -> {
			try {
				answers.add(plainAndShared(searcher, question("渣浆泵联盟成立大会"), kept, first));
				answers.add(plainAndShared(searcher, question("联盟 标准"), kept, second));
				for (Term t : second.keySet()) {
					if (first.containsKey(t)) {
						assertThat(second.get(t)).as("the statistics of %s built once for the reader", t).isSameAs(first.get(t));
					}
				}
				return null;
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		assertThat(second.keySet()).as("the two questions share terms").containsAnyElementsOf(first.keySet());
		index.write("ARTICLE:1", document(1, "联盟标准发布", "联盟标准发布。渣浆泵联盟成立大会召开。"));
		index.search(searcher -> {
			try {
				answers.add(plainAndShared(searcher, question("联盟 标准"), kept, afterChange));
				for (Map.Entry<Term, TermStates> e : afterChange.entrySet()) {
					assertThat(e.getValue()).isNotSameAs(second.get(e.getKey()));
					assertThat(e.getValue().wasBuiltFor(searcher.getTopReaderContext())).isTrue();
				}
				return null;
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		for (List<String>[] both : answers) {
			assertThat(both[1]).isEqualTo(both[0]);
			assertThat(both[0]).hasSizeGreaterThan(1);
		}
		assertThat(answers.get(2)).isNotEqualTo(answers.get(1));
	}

	private static List<String> hits(TopDocs docs) {
		List<String> out = new ArrayList<>();
		for (ScoreDoc d : docs.scoreDocs) {
			out.add(d.doc + ":" + d.score);
		}
		out.add("total " + docs.totalHits);
		return out;
	}
}
