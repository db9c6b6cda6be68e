package org.alliancehub.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.SearchResult.Hit;
import org.alliancehub.shared.Html;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shown hits with their snippets are exactly what Lucene's highlighter as it comes gave (the code before
 * issue 14, kept here as the reference), over an index of many segments, for words, phrases, 繁體, title-only
 * matches and documents whose body does not match at all; while the remapping view is made once per index reader.
 */
class ShownHitsTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private static final String[] SENTENCES = { "高铬铸铁过流部件耐磨试验取得进展。", "联盟秘书处发布了团体标准的征求意见稿。",
			"渣浆泵叶轮的磨损在高浓度工况下明显加快！", "會員單位就標準草案提出了修改意見。", "本季度共有十二家企业加入产业联盟。",
			"试验数据 & 结果 <见附件> 由检测中心提供。", "泵体采用双相不锈钢，耐腐蚀性能良好。", "关于举办耐磨材料技术交流会的通知。",
			"The alliance met in Beijing to discuss pump standards.", "新材料在矿山机械中的应用前景广阔，", "理事会审议通过了年度工作计划。" };

	private static final String[] QUESTIONS = { "高铬铸铁", "联盟 标准", "\"耐磨试验\"", "渣浆泵", "標準", "泵 叶轮 磨损", "年度报告",
			"pump", "检测中心 附件", "会员单位", "耐磨", "双相不锈钢 腐蚀", "交流会 通知 耐磨材料", "联盟" };

	@BeforeEach
	void fill() {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		Random random = new Random(14);
		for (int id = 1; id <= 60; id++) {
			StringBuilder body = new StringBuilder();
			int n = 1 + random.nextInt(40);
			for (int i = 0; i < n; i++) {
				body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
			}
			String title = id % 7 == 0 ? "年度报告第" + id + "号" : SENTENCES[random.nextInt(SENTENCES.length)];
			index.write("ARTICLE:" + id, document(id, title, body.toString(), id % 5 == 0 ? "标签 附件" : null));
		}
	}

	@AfterEach
	void close() {
		index.close();
	}

	private static Document document(long id, String title, String body, String tags) {
		Document d = new Document();
		d.add(new StringField(SearchIndex.KEY, "ARTICLE:" + id, Field.Store.YES));
		d.add(new StringField(IndexDocuments.TYPE, "ARTICLE", Field.Store.YES));
		d.add(new StoredField(IndexDocuments.ID, id));
		d.add(new StoredField(IndexDocuments.ALLIANCE + "Slug", "a" + id % 3));
		d.add(new StoredField(IndexDocuments.ALLIANCE_NAME, "联盟" + id % 3));
		long millis = id % 4 == 0 ? 0 : 1_700_000_000_000L + id * 86_400_000L;
		d.add(new NumericDocValuesField(IndexDocuments.PUBLISHED, millis));
		d.add(new StoredField(IndexDocuments.PUBLISHED, millis));
		TestDocuments.addText(d, title, body);
		if (tags != null) {
			d.add(new Field(Analyzers.BODY_BIGRAMS, tags, Analyzers.WITH_OFFSETS));
			d.add(new TextField(Analyzers.BODY_WORDS, tags, Field.Store.NO));
		}
		d.add(new StoredField(IndexDocuments.URL, "/a/x/articles/" + id));
		return d;
	}

	private Query question(String q) {
		return new Questions(index.queryAnalyzer()).parse(ChineseText.fold(q), List.of());
	}

	@Test
	void theHitsAndSnippetsAreThoseOfLucenesHighlighterAsItComes() {
		ShownHits shown = new ShownHits(index.highlightAnalyzer());
		int compared = 0;
		int highlighted = 0;
		for (String q : QUESTIONS) {
			Query query = question(q);
			List<Hit>[] both = index.search(searcher -> {
				try {
					ScoreDoc[] page = searcher.search(query, 20).scoreDocs;
					@SuppressWarnings("unchecked")
					List<Hit>[] r = new List[] { reference(searcher, query, page), shown.hits(searcher, query, page) };
					return r;
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			assertThat(both[1]).as(q).isEqualTo(both[0]);
			compared += both[0].size();
			highlighted += (int) both[0].stream().filter(h -> h.snippet().contains("<em>")).count();
		}
		// The comparison covered many hits, highlighted ones and ones shown with the body's beginning.
		assertThat(compared).isGreaterThan(100);
		assertThat(highlighted).isGreaterThan(50).isLessThan(compared);
	}

	@Test
	void concurrentSearchesShareOneViewOfTheReaderAndGetTheSameSnippets() throws Exception {
		ShownHits shown = new ShownHits(index.highlightAnalyzer());
		Query query = question("联盟 标准");
		List<Hit> expected = index.search(s -> {
			try {
				return reference(s, query, s.search(query, 10).scoreDocs);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<Hit>>> runs = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				runs.add(pool.submit(() -> index.search(s -> {
					try {
						return shown.hits(s, query, s.search(query, 10).scoreDocs);
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})));
			}
			for (Future<List<Hit>> run : runs) {
				assertThat(run.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdown();
		}
		// One view of the reader for all those searches: none wrapped the segments again.
		Object view = viewOf(shown);
		index.search(s -> {
			try {
				return shown.hits(s, query, s.search(query, 10).scoreDocs);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		assertThat(viewOf(shown)).isNotNull().isSameAs(view);
		// A change makes a new reader, and with it a new view.
		index.write("ARTICLE:999", document(999, "联盟标准", "联盟标准发布。", null));
		index.search(s -> {
			try {
				return shown.hits(s, query, s.search(query, 10).scoreDocs);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		assertThat(viewOf(shown)).isNotSameAs(view);
	}

	@Test
	void aTermAskedInSeveralFieldsIsReadOnceInEachDocumentAndMatchesAsLucenesOwnTermQuery() throws Exception {
		index.search(s -> {
			try {
				ShownHits.PairsView view = new ShownHits.PairsView((org.apache.lucene.index.DirectoryReader) s.getIndexReader());
				// every document shown (each term read in one pass over a segment's shown documents), and none (each
				// document read alone)
				ScoreDoc[] all = new ScoreDoc[s.getIndexReader().maxDoc()];
				for (int i = 0; i < all.length; i++) {
					all[all.length - 1 - i] = new ScoreDoc(i, 1f);
				}
				for (ScoreDoc[] page : List.of(all, new ScoreDoc[0])) {
				ShownHits.Remembering memo = new ShownHits.Remembering(view.getDelegate().leaves(), page);
				List<org.apache.lucene.index.Term> asked = new ArrayList<>();
				for (String text : List.of("联盟", "耐磨", "附件", "不在")) {
					for (String field : List.of(Analyzers.TITLE, Analyzers.BODY_WORDS, Analyzers.TITLE_BIGRAMS, Analyzers.BODY_BIGRAMS)) {
						asked.add(new org.apache.lucene.index.Term(field, text));
					}
				}
				int documents = 0;
				int matched = 0;
				for (var leaf : view.leaves()) {
					for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
						documents++;
						for (var term : asked) {
							var plain = view.searcher.rewrite(new org.apache.lucene.search.TermQuery(term))
								.createWeight(view.searcher, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f)
								.matches(leaf, doc);
							var remembered = ShownHits.remembering(new org.apache.lucene.search.TermQuery(term), memo)
								.createWeight(view.searcher, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f)
								.matches(leaf, doc);
							assertThat(remembered == null).as(term + " in " + doc).isEqualTo(plain == null);
							if (plain != null) {
								matched++;
								assertThat(fields(remembered)).isEqualTo(fields(plain)).containsExactly(term.field());
								// asked twice: a second iterator gives the same again, as Lucene's does
								for (int twice = 0; twice < 2; twice++) {
									assertThat(positions(remembered.getMatches(term.field())))
										.isEqualTo(positions(plain.getMatches(term.field())));
								}
							}
						}
					}
				}
				assertThat(matched).isGreaterThan(100);
				// one read per word and document, whichever of the four fields asked for it
				assertThat(memo.reads()).isEqualTo(documents * 4);
				}
				return null;
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	@Test
	void aPhraseIsMatchedAsLucenesOwnPhraseInEveryDocumentAndAskedOnlyWhereAllItsTermsAre() throws Exception {
		index.search(s -> {
			try {
				ShownHits.PairsView view = new ShownHits.PairsView((org.apache.lucene.index.DirectoryReader) s.getIndexReader());
				ShownHits.Remembering memo = new ShownHits.Remembering(view.getDelegate().leaves(), new ScoreDoc[0]);
				List<org.apache.lucene.search.PhraseQuery> phrases = new ArrayList<>();
				for (String field : List.of(Analyzers.TITLE, Analyzers.BODY_WORDS)) {
					for (int slop : new int[] { 0, 2, 8 }) {
						phrases.add(new org.apache.lucene.search.PhraseQuery(slop, field, "联盟", "标准"));
						phrases.add(new org.apache.lucene.search.PhraseQuery(slop, field, "耐磨", "试验"));
						phrases.add(new org.apache.lucene.search.PhraseQuery(slop, field, "叶轮", "磨损", "加快"));
						phrases.add(new org.apache.lucene.search.PhraseQuery(slop, field, "标准", "联盟"));
						phrases.add(new org.apache.lucene.search.PhraseQuery(slop, field, "联盟", "不在"));
					}
				}
				int matched = 0;
				int skipped = 0;
				for (var leaf : view.leaves()) {
					for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
						for (var phrase : phrases) {
							var plain = view.searcher.rewrite(phrase)
								.createWeight(view.searcher, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f)
								.matches(leaf, doc);
							var remembered = ShownHits.remembering(view.searcher.rewrite(phrase), memo)
								.createWeight(view.searcher, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f)
								.matches(leaf, doc);
							assertThat(remembered == null).as(phrase + " in " + doc).isEqualTo(plain == null);
							if (plain != null) {
								matched++;
								assertThat(positions(remembered.getMatches(phrase.getField())))
									.isEqualTo(positions(plain.getMatches(phrase.getField())));
							}
						}
						for (var phrase : phrases) {
							boolean all = true;
							for (var term : phrase.getTerms()) {
								all &= holds(leaf.reader(), term.bytes(), doc);
							}
							skipped += all ? 0 : 1;
						}
					}
				}
				// phrases found (sloppy ones more often), and many documents where a term is missing, never asked
				assertThat(matched).isGreaterThan(50);
				assertThat(skipped).isGreaterThan(matched);
				return null;
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	@Test
	void thePassagesScoreAsWithLucenesScorerToTheBit() {
		var lucene = new org.apache.lucene.search.uhighlight.PassageScorer();
		Random random = new Random(27);
		String[] words = { "联盟", "标准", "联", "盟", "耐磨 试验", "pump" };
		int compared = 0;
		for (int round = 0; round < 5000; round++) {
			var passage = new org.apache.lucene.search.uhighlight.Passage();
			passage.setStartOffset(random.nextInt(3000));
			int at = passage.getStartOffset();
			passage.setEndOffset(at + 250 + random.nextInt(200));
			int matches = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
			for (int i = 0; i < matches; i++) {
				at += random.nextInt(6);
				passage.addMatch(at, at + 2, new org.apache.lucene.util.BytesRef(words[random.nextInt(words.length)]),
						1 + random.nextInt(3));
			}
			int length = passage.getEndOffset() + random.nextInt(30_000);
			assertThat(Float.floatToIntBits(ShownHits.PASSAGES.score(passage, length)))
				.as("passage " + round).isEqualTo(Float.floatToIntBits(lucene.score(passage, length)));
			compared++;
		}
		assertThat(compared).isEqualTo(5000);
	}

	/** Whether the document holds the term in the body's pairs. */
	private static boolean holds(org.apache.lucene.index.LeafReader reader, org.apache.lucene.util.BytesRef term, int doc)
			throws IOException {
		var postings = reader.postings(new org.apache.lucene.index.Term(Analyzers.BODY_BIGRAMS, term));
		return postings != null && postings.advance(doc) == doc;
	}

	private static List<String> fields(org.apache.lucene.search.Matches matches) {
		List<String> out = new ArrayList<>();
		matches.forEach(out::add);
		return out;
	}

	private static List<String> positions(org.apache.lucene.search.MatchesIterator it) throws IOException {
		List<String> out = new ArrayList<>();
		while (it.next()) {
			out.add(it.startPosition() + "-" + it.endPosition() + "@" + it.startOffset() + "-" + it.endOffset() + " "
					+ it.getQuery() + " " + it.getSubMatches());
		}
		return out;
	}

	private static Object viewOf(ShownHits shown) throws Exception {
		var f = ShownHits.class.getDeclaredField("view");
		f.setAccessible(true);
		return f.get(shown);
	}

	/** The hits as {@code Searcher} made them before issue 14: Lucene's highlighter as it comes. */
	private List<Hit> reference(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
		if (page.length == 0) {
			return List.of();
		}
		UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.highlightAnalyzer())
			.withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
			.withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
			.withMaxNoHighlightPassages(1)
			.withMaxLength(IndexDocuments.MAX_BODY)
			.withFieldMatcher(field -> field.equals(Analyzers.TITLE) || field.equals(Analyzers.BODY)
					|| field.equals(Analyzers.BODY_WORDS) || field.equals(Analyzers.BODY_BIGRAMS)
					|| field.equals(Analyzers.TITLE_BIGRAMS));
		UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
			@Override
			protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
					throws IOException {
				String[] stored = fields.clone();
				for (int i = 0; i < stored.length; i++) {
					if (stored[i].equals(Analyzers.BODY_BIGRAMS)) {
						stored[i] = Analyzers.BODY;
					}
				}
				return super.loadFieldValues(stored, docs, cacheCharsThreshold);
			}
		};
		TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
		String[] snippets = highlighter.highlight(Analyzers.BODY_BIGRAMS, query, pageDocs, 1);
		List<Hit> hits = new ArrayList<>();
		var stored = searcher.storedFields();
		for (int i = 0; i < page.length; i++) {
			Document d = stored.document(page[i].doc);
			long millis = d.getField(IndexDocuments.PUBLISHED).numericValue().longValue();
			String snippet = snippets[i] != null ? ShownHits.shorten(snippets[i].replace("</em><em>", ""))
					: HtmlUtils.htmlEscape(Html.excerpt(d.get(Analyzers.BODY) == null ? "" : d.get(Analyzers.BODY), 120));
			hits.add(new Hit(DocumentType.valueOf(d.get(IndexDocuments.TYPE)),
					d.getField(IndexDocuments.ID).numericValue().longValue(), d.get(IndexDocuments.DISPLAY_TITLE),
					d.get(IndexDocuments.ALLIANCE + "Slug"), d.get(IndexDocuments.ALLIANCE_NAME),
					d.get(IndexDocuments.URL), snippet,
					millis == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.ofHours(8)),
					Float.isNaN(page[i].score) ? 0 : page[i].score));
		}
		return hits;
	}
}
