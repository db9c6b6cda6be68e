package org.alliancehub.search.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.alliancehub.search.DocumentType;
import org.alliancehub.search.SearchResult.Hit;
import org.alliancehub.shared.Html;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the shown hits of a search page, each with its snippet: the matches of the question in the body's
 * character pairs (their offsets are in the index) marked in the stored body.
 * <p>
 * Two costs of Lucene's highlighter as it comes are avoided, with the same snippets:
 * <ul>
 * <li>In its weight-matches mode (used because several fields are matched against the pairs) it wraps the segment
 * reader in a new {@link FilterLeafReader} for every shown document and rewrites the query and builds its weight
 * again for each. Every such wrapper registers itself with the segment reader under that reader's lock
 * ({@code IndexReader.registerParentReader}, apache/lucene#14999): under 50 concurrent searches a JFR profile showed
 * 347 s of threads blocked there in 30 s, and throughput fell as connections rose. Here the same remapping view is
 * made once per index reader (kept until the index is refreshed) and the weight once per search.</li>
 * <li>The stored fields of a hit were read twice, once by the highlighter (the body) and again for the hit,
 * decompressing the same block; here they are read once, only the fields shown.</li>
 * </ul>
 */
final class ShownHits {

	/** The fields whose matches are marked in the body's pairs. */
	static final Predicate<String> MATCHED = field -> field.equals(Analyzers.TITLE) || field.equals(Analyzers.BODY)
			|| field.equals(Analyzers.BODY_WORDS) || field.equals(Analyzers.BODY_BIGRAMS)
			|| field.equals(Analyzers.TITLE_BIGRAMS);

	/** What a hit shows, and the body its snippet is made from. */
	static final Set<String> SHOWN = Set.of(IndexDocuments.TYPE, IndexDocuments.ID, IndexDocuments.DISPLAY_TITLE,
			IndexDocuments.ALLIANCE + "Slug", IndexDocuments.ALLIANCE_NAME, IndexDocuments.URL, IndexDocuments.PUBLISHED,
			Analyzers.BODY);

	private final Analyzer highlightAnalyzer;

	/** The pairs view of the current index reader, made again when the index is refreshed. */
	private volatile @Nullable PairsView view;

	ShownHits(Analyzer highlightAnalyzer) {
		this.highlightAnalyzer = highlightAnalyzer;
	}

	List<Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
		if (page.length == 0) {
			return List.of();
		}
		Map<Integer, Document> loaded = new HashMap<>();
		StoredFields stored = searcher.storedFields();
		UnifiedHighlighter highlighter = highlighter(searcher, stored, loaded, page);
		TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
		String[] snippets = highlighter.highlight(Analyzers.BODY_BIGRAMS, query, pageDocs, 1);
		List<Hit> hits = new ArrayList<>(page.length);
		for (int i = 0; i < page.length; i++) {
			Document d = loaded.get(page[i].doc);
			if (d == null) {
				d = load(stored, page[i].doc);
			}
			long millis = d.getField(IndexDocuments.PUBLISHED).numericValue().longValue();
			String snippet = snippets[i] != null ? shorten(snippets[i].replace("</em><em>", ""))
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

	private static Document load(StoredFields stored, int doc) throws IOException {
		DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(SHOWN);
		stored.document(doc, visitor);
		return visitor.getDocument();
	}

	/** Lucene's highlighter configured as before, reading the stored fields into {@code loaded} for the hits. */
	private UnifiedHighlighter highlighter(IndexSearcher searcher, StoredFields stored, Map<Integer, Document> loaded,
			ScoreDoc[] page) {
		UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, highlightAnalyzer)
			.withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
			.withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
			.withMaxNoHighlightPassages(1)
			.withMaxLength(IndexDocuments.MAX_BODY)
			.withFieldMatcher(MATCHED)
			.withScorer(PASSAGES);
		PairsView pairs = pairsView(searcher.getIndexReader());
		return new UnifiedHighlighter(builder) {
			{
				// The fields of the index merged once per index reader, not once per search: merging them takes a lock
				// on every field's attributes, which 50 concurrent searches queued on (JFR, stop 22).
				if (pairs != null) {
					fieldInfos = pairs.fieldInfos;
				}
			}

			// The text the matches mark is the stored body, which the first value of the pairs field was made from,
			// cut to the highlighter's maximum length as its own loading does.
			@Override
			protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
					throws IOException {
				List<CharSequence[]> out = new ArrayList<>();
				int chars = 0;
				do {
					int doc = docs.nextDoc();
					if (doc == DocIdSetIterator.NO_MORE_DOCS) {
						break;
					}
					Document d = load(stored, doc);
					loaded.put(doc, d);
					CharSequence[] values = new CharSequence[fields.length];
					for (int i = 0; i < fields.length; i++) {
						String f = fields[i].equals(Analyzers.BODY_BIGRAMS) ? Analyzers.BODY : fields[i];
						String v = d.get(f);
						values[i] = v == null ? null : v.substring(0, Math.min(getMaxLength(), v.length()));
						chars += values[i] == null ? 0 : values[i].length();
					}
					out.add(values);
				}
				while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
				return out;
			}

			@Override
			protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
				if (pairs != null && source == OffsetSource.POSTINGS
						&& components.getField().equals(Analyzers.BODY_BIGRAMS)
						&& components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
					return new SharedMatches(components, pairs, page);
				}
				return super.getOffsetStrategy(source, components);
			}
		};
	}

	/** The remapping view of this reader: made once per reader, not once per shown document. */
	private @Nullable PairsView pairsView(IndexReader reader) {
		if (!(reader instanceof DirectoryReader directory)) {
			return null;
		}
		PairsView v = view;
		if (v == null || v.getDelegate() != directory) {
			try {
				v = new PairsView(directory);
			}
			catch (IOException e) {
				return null;
			}
			view = v;
		}
		return v;
	}

	/**
	 * The index seen with the terms of every matched field read from the body's pairs, as Lucene's
	 * {@code FieldOffsetStrategy.createOffsetsEnumsWeightMatcher} sees each document, with a searcher over it.
	 */
	static final class PairsView extends FilterDirectoryReader {

		final IndexSearcher searcher;

		/** The fields of the wrapped reader, merged once (the highlighter asks for them in every search). */
		final FieldInfos fieldInfos;

		PairsView(DirectoryReader in) throws IOException {
			super(in, new SubReaderWrapper() {
				@Override
				public LeafReader wrap(LeafReader reader) {
					return new PairsLeaf(reader);
				}
			});
			this.fieldInfos = FieldInfos.getMergedFieldInfos(in);
			this.searcher = new IndexSearcher(this);
			this.searcher.setQueryCache(null);
		}

		@Override
		protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
			return new PairsView(in);
		}

		@Override
		public CacheHelper getReaderCacheHelper() {
			return null;
		}
	}

	static final class PairsLeaf extends FilterLeafReader {

		PairsLeaf(LeafReader in) {
			super(in);
		}

		@Override
		public Terms terms(String field) throws IOException {
			return super.terms(MATCHED.test(field) ? Analyzers.BODY_BIGRAMS : field);
		}

		@Override
		public CacheHelper getCoreCacheHelper() {
			return null;
		}

		@Override
		public CacheHelper getReaderCacheHelper() {
			return null;
		}
	}

	/**
	 * The matches of one search's question in each shown document, as Lucene's weight-matches mode finds them, with
	 * the query rewritten and its weight made once for the search over the shared {@link PairsView}.
	 */
	static final class SharedMatches extends FieldOffsetStrategy {

		private final PairsView pairs;

		private @Nullable Weight weight;

		/** Where each term is in each shown document (its frequency, then position, start and end offset of each). */
		private final Remembering remembered;

		SharedMatches(UHComponents components, PairsView pairs, ScoreDoc[] page) {
			super(components);
			this.pairs = pairs;
			this.remembered = new Remembering(pairs.getDelegate().leaves(), page);
		}

		@Override
		public UnifiedHighlighter.OffsetSource getOffsetSource() {
			return UnifiedHighlighter.OffsetSource.POSTINGS;
		}

		@Override
		public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
			if (reader.terms(getField()) == null) {
				return OffsetsEnum.EMPTY;
			}
			List<LeafReaderContext> leaves = pairs.getDelegate().leaves();
			int ord = -1;
			for (int i = 0; i < leaves.size(); i++) {
				if (leaves.get(i).reader() == reader) {
					ord = i;
					break;
				}
			}
			if (ord < 0) {
				return createOffsetsEnumFromReader(reader, docId);
			}
			if (weight == null) {
				weight = remembering(pairs.searcher.rewrite(components.getQuery()), remembered)
					.createWeight(pairs.searcher, ScoreMode.COMPLETE_NO_SCORES, 1.0f);
			}
			Matches matches = weight.matches(pairs.leaves().get(ord), docId);
			if (matches == null) {
				return OffsetsEnum.EMPTY;
			}
			List<OffsetsEnum> found = new ArrayList<>();
			for (String field : matches) {
				if (components.getFieldMatcher().test(field)) {
					MatchesIterator iterator = matches.getMatches(field);
					if (iterator != null) {
						found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
					}
				}
			}
			return switch (found.size()) {
				case 0 -> OffsetsEnum.EMPTY;
				case 1 -> found.get(0);
				default -> new OffsetsEnum.MultiOffsetsEnum(found);
			};
		}
	}

	/**
	 * The query with each term query's matches in a document remembered for this search. In the pairs view every field
	 * the question asks reads the body's pairs, so the 70 or so term queries of a question of seven words look up
	 * about 11 different terms; Lucene's {@code TermWeight.matches} opens a terms enum and a postings enum with
	 * offsets for each of them in each shown document (half of the highlighter's time, stop 23). Each term is read
	 * once per document here, and its positions and offsets given again to every term query asking for it (under
	 * the field that query asks, as Lucene reports it). A phrase is matched by Lucene's own phrase weight, but only in
	 * a document that holds every one of its terms (see {@link RememberedPhrase}).
	 */
	static Query remembering(Query query, Remembering remembered) {
		if (query instanceof TermQuery t) {
			return new RememberedTerm(t, remembered);
		}
		if (query instanceof PhraseQuery p) {
			return new RememberedPhrase(p, remembered);
		}
		if (query instanceof BoostQuery b) {
			return new BoostQuery(remembering(b.getQuery(), remembered), b.getBoost());
		}
		if (query instanceof ConstantScoreQuery c) {
			return new ConstantScoreQuery(remembering(c.getQuery(), remembered));
		}
		if (query instanceof BooleanQuery bq) {
			BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
			for (BooleanClause c : bq.clauses()) {
				b.add(remembering(c.getQuery(), remembered), c.getOccur());
			}
			return b.build();
		}
		return query;
	}

	private static final int[] ABSENT = new int[0];

	/** The field a term of {@code field} is read from in the pairs view. */
	private static String read(String field) {
		return MATCHED.test(field) ? Analyzers.BODY_BIGRAMS : field;
	}

	/** What one search has read of the shown documents' terms, and the enums it read them with. */
	static final class Remembering {

		/** Each term read, under the field it is read from, with where it is in each document read. */
		private final Map<Term, Found> found = new HashMap<>();

		/** The shown documents of each segment, in the order of their numbers in it. */
		private final Map<Integer, int[]> shown = new HashMap<>();

		Remembering(List<LeafReaderContext> leaves, ScoreDoc[] page) {
			Map<Integer, List<Integer>> bySegment = new HashMap<>();
			for (ScoreDoc d : page) {
				LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
				bySegment.computeIfAbsent(leaf.ord, k -> new ArrayList<>()).add(d.doc - leaf.docBase);
			}
			bySegment.forEach((ord, docs) -> shown.put(ord, docs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
		}

		/** A term as the pairs view reads it (every matched field from the body's pairs): one entry for all its fields. */
		Found of(String field, BytesRef term) {
			return found.computeIfAbsent(new Term(read(field), term), t -> new Found(t, field));
		}

		/** How many (document, term) pairs were read; for tests. */
		int reads() {
			return found.values().stream().mapToInt(f -> f.at.size()).sum();
		}

		/**
		 * Where one term is in the documents read so far, each (segment and document number) read with the other shown
		 * documents of its segment: one pass over the term's postings for all of them (and each alone when asked for
		 * another document).
		 */
		final class Found {

			private final Term term;

			/** The field asked first, whose postings are read (in the pairs view every field reads the same). */
			private final String field;

			private final Map<Long, int[]> at = new HashMap<>();

			private Found(Term term, String field) {
				this.term = term;
				this.field = field;
			}

			int[] in(LeafReaderContext context, int doc) throws IOException {
				long key = (long) context.ord << 32 | doc;
				int[] here = at.get(key);
				if (here != null) {
					return here;
				}
				int[] docs = shown.get(context.ord);
				if (docs == null || java.util.Arrays.binarySearch(docs, doc) < 0) {
					docs = new int[] { doc };
				}
				PostingsEnum pe = postings(context, field, term.bytes());
				for (int d : docs) {
					int current = pe == null ? DocIdSetIterator.NO_MORE_DOCS : pe.docID() < d ? pe.advance(d) : pe.docID();
					at.put((long) context.ord << 32 | d, current == d ? positions(pe) : ABSENT);
				}
				return at.get(key);
			}
		}

		/** One terms enum and one postings enum per segment and field, used one term after the other. */
		private final Map<String, TermsEnum> terms = new HashMap<>();

		private final Map<String, PostingsEnum> postings = new HashMap<>();

		/** What {@code TermWeight.matches} reads: the term's postings with offsets; null when the term is not there. */
		private @Nullable PostingsEnum postings(LeafReaderContext context, String field, BytesRef term) throws IOException {
			String key = context.ord + "\u0000" + field;
			TermsEnum te = terms.get(key);
			if (te == null) {
				Terms t = context.reader().terms(field);
				if (t == null) {
					return null;
				}
				te = t.iterator();
				terms.put(key, te);
			}
			if (!te.seekExact(term)) {
				return null;
			}
			PostingsEnum pe = te.postings(postings.get(key), PostingsEnum.OFFSETS);
			postings.put(key, pe);
			return pe;
		}

		/** The frequency of the term in the current document, then each position with its start and end offset. */
		private static int[] positions(PostingsEnum pe) throws IOException {
			int freq = pe.freq();
			int[] out = new int[1 + 3 * freq];
			out[0] = freq;
			for (int i = 0; i < freq; i++) {
				out[1 + 3 * i] = pe.nextPosition();
				out[2 + 3 * i] = pe.startOffset();
				out[3 + 3 * i] = pe.endOffset();
			}
			return out;
		}
	}

	/** A query of the question asked in the shown documents with what this search has read of them. */
	private abstract static class WithRemembered<Q extends Query> extends Query {

		final Q query;

		final Remembering remembered;

		WithRemembered(Q query, Remembering remembered) {
			this.query = query;
			this.remembered = remembered;
		}

		@Override
		public void visit(QueryVisitor visitor) {
			query.visit(visitor);
		}

		@Override
		public String toString(String field) {
			return query.toString(field);
		}

		@Override
		public boolean equals(Object other) {
			return sameClassAs(other) && query.equals(((WithRemembered<?>) other).query);
		}

		@Override
		public int hashCode() {
			return classHash() ^ query.hashCode();
		}
	}

	/** A term query whose matches in a document are read once per search and then given from memory. */
	static final class RememberedTerm extends WithRemembered<TermQuery> {

		RememberedTerm(TermQuery query, Remembering remembered) {
			super(query, remembered);
		}

		@Override
		public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
			Weight inner = query.createWeight(searcher, scoreMode, boost);
			String field = query.getTerm().field();
			Remembering.Found found = remembered.of(field, query.getTerm().bytes());
			return new FilterWeight(query, inner) {
				@Override
				public Matches matches(LeafReaderContext context, int doc) throws IOException {
					int[] at = found.in(context, doc);
					if (at == ABSENT) {
						return null;
					}
					return MatchesUtils.forField(field, () -> new Remembered(at, query));
				}
			};
		}

	}

	/**
	 * A phrase (the question's words close together, in the title's and the body's words) matched by Lucene's own
	 * phrase weight, which opens a postings enum with offsets for each of its terms in every document it is asked
	 * about, but asked only about a document that holds every one of its terms (read once per search with the term
	 * queries' terms, see {@link Remembering}): in any other document Lucene's phrase finds no match either, as it
	 * first needs all its terms there.
	 */
	static final class RememberedPhrase extends WithRemembered<PhraseQuery> {

		RememberedPhrase(PhraseQuery query, Remembering remembered) {
			super(query, remembered);
		}

		@Override
		public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
			Weight inner = query.createWeight(searcher, scoreMode, boost);
			Term[] terms = query.getTerms();
			Remembering.Found[] found = new Remembering.Found[terms.length];
			for (int i = 0; i < terms.length; i++) {
				found[i] = remembered.of(terms[i].field(), terms[i].bytes());
			}
			return new FilterWeight(query, inner) {
				@Override
				public Matches matches(LeafReaderContext context, int doc) throws IOException {
					for (Remembering.Found f : found) {
						if (f.in(context, doc) == ABSENT) {
							return null;
						}
					}
					return in.matches(context, doc);
				}
			};
		}

	}

	/**
	 * Lucene's {@link PassageScorer}, the same score to the bit, without a {@link org.apache.lucene.util.BytesRefHash}
	 * per passage (its first block of 32 KB was a third of all a search allocated, stop 27): a passage's matches are
	 * few, and their distinct terms are found by comparing them, summed in the order of their first match as there.
	 */
	static final PassageScorer PASSAGES = new PassageScorer() {
		@Override
		public float score(Passage passage, int contentLength) {
			double score = 0d;
			int hits = passage.getNumMatches();
			BytesRef[] terms = passage.getMatchTerms();
			int[] inDoc = passage.getMatchTermFreqsInDoc();
			int[] first = new int[hits];
			int[] inPassage = new int[hits];
			int distinct = 0;
			for (int i = 0; i < hits; i++) {
				int id = 0;
				while (id < distinct && !terms[first[id]].bytesEquals(terms[i])) {
					id++;
				}
				if (id == distinct) {
					first[distinct++] = i;
				}
				inPassage[id]++;
			}
			for (int id = 0; id < distinct; id++) {
				score += tf(inPassage[id], passage.getLength()) * weight(contentLength, inDoc[first[id]]);
			}
			score *= norm(passage.getStartOffset());
			return (float) score;
		}
	};

	/** Lucene's {@code TermMatchesIterator} over remembered positions and offsets. */
	private static final class Remembered implements MatchesIterator {

		private final int[] at;

		private final Query query;

		private int i = -1;

		Remembered(int[] at, Query query) {
			this.at = at;
			this.query = query;
		}

		@Override
		public boolean next() {
			if (i + 1 < at[0]) {
				i++;
				return true;
			}
			return false;
		}

		@Override
		public int startPosition() {
			return at[1 + 3 * i];
		}

		@Override
		public int endPosition() {
			return at[1 + 3 * i];
		}

		@Override
		public int startOffset() {
			return at[2 + 3 * i];
		}

		@Override
		public int endOffset() {
			return at[3 + 3 * i];
		}

		@Override
		public @Nullable MatchesIterator getSubMatches() {
			return null;
		}

		@Override
		public Query getQuery() {
			return query;
		}
	}

	/** Long sentences are cut around the first highlighted word. */
	static String shorten(String snippet) {
		if (snippet.length() <= 240) {
			return snippet;
		}
		int at = Math.max(0, snippet.indexOf("<em>") - 60);
		int tagStart = snippet.lastIndexOf('<', at);
		int tagEnd = snippet.lastIndexOf('>', at);
		if (tagStart > tagEnd) {
			at = tagStart;
		}
		int amp = snippet.lastIndexOf('&', at);
		if (amp >= 0 && snippet.indexOf(';', amp) >= at) {
			at = amp;
		}
		int end = Math.min(snippet.length(), at + 240);
		int open = snippet.lastIndexOf("<em>", end);
		int close = snippet.lastIndexOf("</em>", end);
		if (open > close) {
			end = snippet.indexOf("</em>", open) + 5;
		}
		int lastAmp = snippet.lastIndexOf('&', end);
		if (lastAmp > snippet.lastIndexOf(';', end - 1) && lastAmp < end) {
			end = lastAmp;
		}
		return (at > 0 ? "…" : "") + snippet.substring(at, end) + (end < snippet.length() ? "…" : "");
	}
}
