package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.alliancehub.identity.Access;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.SearchSynonyms;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The query a search counts its hits with (and orders by date with) matches exactly the documents of the question's
 * own query, with fewer clauses: the lifts that only add to a score are left out, and a word of Chinese characters is
 * asked through its pairs alone (stop 26). Checked over the demo network's texts and texts with Latin words, numbers
 * and single characters, for every word of the titles, pairs and runs of them, and the questions' own syntax.
 */
class CountingQueriesTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private Searcher searcher;

	private final List<String> titles = new ArrayList<>();

	/** Latin words the word fields stem and the pair fields do not, numbers, single characters, mixed scripts. */
	private static final String[] MIXED = { "Testing the pumps: ISO9001 和 GB/T 3216-2016 检验", "煤 与 电 的 联合生产",
			"Tests of 渣浆泵 wear in 2025", "高铬铸铁 testing 报告", "联盟 iso 9001 认证", "泵", "鉴定会议纪要（第3期）" };

	@BeforeEach
	void fill() throws IOException {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		List<String> bodies = new ArrayList<>(TestDocuments.demo("body"));
		titles.addAll(TestDocuments.demo("title"));
		titles.addAll(List.of(MIXED));
		bodies.addAll(List.of(MIXED));
		Random random = new Random(26);
		for (int round = 0; round < 2; round++) {
			Map<String, Document> batch = new LinkedHashMap<>();
			for (int id = 1; id <= 300; id++) {
				if (round > 0 && id % 3 != 0) {
					continue;
				}
				String title = titles.get(random.nextInt(titles.size()));
				String body = bodies.get(random.nextInt(bodies.size())) + " " + bodies.get(random.nextInt(bodies.size()));
				batch.put("ARTICLE:" + id, TestDocuments.searchable(id, title, body,
						1_600_000_000_000L + random.nextInt(2000) * 86_400_000L, id % 13 == 0 ? 7L : null));
			}
			index.write(batch, 0);
		}
		SearchSynonyms synonyms = mock(SearchSynonyms.class);
		searcher = new Searcher(index, mock(Access.class), synonyms);
	}

	@AfterEach
	void close() {
		index.close();
	}

	/** Every word of the titles alone, each title whole, pairs of words, and the questions' syntax. */
	private List<String> questions() {
		Set<String> out = new LinkedHashSet<>();
		for (String title : titles) {
			List<String> words = ChineseText.words(title);
			out.addAll(words);
			out.add(title);
			for (int i = 0; i + 1 < words.size(); i++) {
				out.add(words.get(i) + " " + words.get(i + 1));
			}
		}
		out.addAll(List.of("tests", "testing pumps", "ISO9001", "iso", "GB/T 3216", "煤", "煤 电", "泵 叶轮 磨损", "\"耐磨试验\"",
				"联盟 -标准", "渣浆泵联盟成立大会", "成立大会签署战略合作协议", "標準", "會員單位", "第3期", "鉴定"));
		out.removeIf(String::isBlank);
		return List.copyOf(out);
	}

	private Set<Integer> matches(IndexSearcher s, Query query) throws IOException {
		Set<Integer> docs = new TreeSet<>();
		for (ScoreDoc d : s.search(query, Integer.MAX_VALUE).scoreDocs) {
			docs.add(d.doc);
		}
		return docs;
	}

	/** A check of one question, folded, read with the synonym groups and the alliances they name. */
	interface QuestionCheck {
		void check(IndexSearcher s, String asked, String folded, List<List<String>> groups, Map<String, String> alliances)
				throws IOException;
	}

	/** The check of every question, without synonyms and with a group naming an alliance. */
	private void everyQuestion(List<String> asked, QuestionCheck check) {
		List<List<String>> groups = List.of(List.of("渣浆泵联盟", "渣浆泵产业技术创新战略联盟"));
		Map<String, String> alliances = Map.of("渣浆泵联盟", "a1");
		index.search(s -> {
			try {
				for (String q : asked) {
					for (List<List<String>> g : List.of(List.<List<String>>of(), groups)) {
						check.check(s, q + (g.isEmpty() ? "" : " with synonyms"), ChineseText.fold(q), g,
								g.isEmpty() ? Map.of() : alliances);
					}
				}
				return null;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@Test
	void theCountingQueryMatchesTheDocumentsOfTheQuestionsQueryForEveryWordOfTheTexts() {
		List<String> asked = questions();
		assertThat(asked).hasSizeGreaterThan(300);
		int[] nonEmpty = { 0 };
		everyQuestion(asked, (s, q, folded, g, a) -> {
			Set<Integer> scored = matches(s, searcher.parse(folded, g, a));
			Set<Integer> counted = matches(s, searcher.parse(folded, g, a, true));
			assertThat(counted).as(q).isEqualTo(scored);
			if (!scored.isEmpty()) {
				nonEmpty[0]++;
			}
		});
		assertThat(nonEmpty[0]).as("questions with hits").isGreaterThan(asked.size());
	}

	@Test
	void theCandidatesQueryMatchesTheDocumentsOfTheQuestionsQueryWithoutThePhrasesAndLifts() {
		List<String> asked = questions();
		int[] lifted = { 0 };
		everyQuestion(asked, (s, q, folded, g, a) -> {
			Query question = searcher.parse(folded, g, a);
			Query candidates = searcher.parse(folded, g, a, Questions.Purpose.CANDIDATES);
			assertThat(matches(s, candidates)).as(q).isEqualTo(matches(s, question));
			assertThat(phrases(candidates)).as(q).isZero();
			if (phrases(question) > 0) {
				lifted[0]++;
			}
		});
		// questions of several words, whose query holds phrases the candidates' does not
		assertThat(lifted[0]).isGreaterThan(asked.size() / 2);
	}

	/** How many sloppy phrase queries (words close together, not a quoted text) the query holds. */
	private static int phrases(Query query) {
		int[] n = { 0 };
		query.visit(new QueryVisitor() {
			@Override
			public void consumeTerms(Query q, Term... terms) {
				if (q instanceof org.apache.lucene.search.PhraseQuery p && p.getSlop() > 0) {
					n[0]++;
				}
			}

			@Override
			public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return n[0];
	}

	@Test
	void theCountingQueryAsksAChineseWordThroughItsPairsOnlyAndLeavesTheLiftsOut() {
		String folded = ChineseText.fold("渣浆泵联盟成立大会 testing");
		Set<String> scored = fields(searcher.parse(folded, List.of(), Map.of()));
		Set<String> counted = fields(searcher.parse(folded, List.of(), Map.of(), true));
		assertThat(scored).contains("title:联盟", "body_w:联盟", "title_bi:联盟", "body_bi:联盟", "title:渣", "title:test",
				"body_w:test");
		// a word of Chinese characters (联盟, or 渣 alone as smartcn reads 渣浆泵) through its pairs only; a Latin word (stemmed
		// in the word fields, not in the pair fields) also as a word
		assertThat(counted).contains("title_bi:联盟", "body_bi:联盟", "body_bi:渣", "title:test", "body_w:test")
			.doesNotContain("title:联盟", "body_w:联盟", "title:渣", "body_w:大会");
		assertThat(termCount(searcher.parse(folded, List.of(), Map.of(), true)))
			.isLessThan(termCount(searcher.parse(folded, List.of(), Map.of())) / 2);
	}

	private static Set<String> fields(Query query) {
		Set<String> out = new TreeSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public void consumeTerms(Query q, Term... terms) {
				for (Term term : terms) {
					out.add(term.field() + ":" + term.text());
				}
			}

			@Override
			public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return out;
	}

	private static int termCount(Query query) {
		int[] n = { 0 };
		query.visit(new QueryVisitor() {
			@Override
			public void consumeTerms(Query q, Term... terms) {
				n[0] += terms.length;
			}

			@Override
			public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return n[0];
	}
}
