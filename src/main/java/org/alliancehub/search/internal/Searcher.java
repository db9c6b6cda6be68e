package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.alliancehub.identity.Access;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.Search;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchResult;
import org.alliancehub.search.SearchSynonyms;
import org.alliancehub.search.SearchResult.FacetCount;
import org.alliancehub.search.SearchResult.Hit;
import org.alliancehub.text.ChineseText;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Same;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers searches: words and phrases over titles (weighted most) and bodies, in both the word and the
 * character-pair views, filtered to what the viewer may read, lifted a little by recency, with facets,
 * highlighted snippets and a suggestion when the words look mistyped.
 */
@Component
class Searcher implements Search {

	static final int MAX_DEPTH = 10_000;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final SearchIndex index;

	private final Access access;

	private final SearchSynonyms synonyms;

	private final ShownHits shown;

	/** The answers over the current index reader (see {@link ResultCache}): a question asked again is not searched again. */
	private final ResultCache answers = new ResultCache(RESULTS_KEPT);

	/** The terms' statistics over the current index reader, shared by every search over it. */
	private final SharedTermStates.OfReader termStates = new SharedTermStates.OfReader();

	/** Whether a word may have a keyword close enough to suggest, before Lucene's spell checker is asked. */
	private final CloseKeywords closeKeywords = new CloseKeywords();

	/** How many answers are kept at most (a page of 10 hits is about 10 KB). */
	static final int RESULTS_KEPT = 500;

	Searcher(SearchIndex index, Access access, SearchSynonyms synonyms) {
		this.index = index;
		this.shown = new ShownHits(index.highlightAnalyzer());
		this.synonyms = synonyms;
		this.access = access;
	}

	@Override
	public SearchResult search(SearchQuery q) {
		long started = System.nanoTime();
		ResultCache.Kept kept = answer(q, started);
		SearchResult a = kept.answer;
		long took = (System.nanoTime() - started) / 1_000_000;
		return a.tookMs() == took ? a
				: new SearchResult(a.items(), a.total(), took, a.page(), a.size(), a.facets(), a.suggestion());
	}

	@Override
	public <R> Rendered<R> search(SearchQuery q, Function<SearchResult, R> render) {
		long started = System.nanoTime();
		R rendering = answer(q, started).rendered(render);
		return new Rendered<>(rendering, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * What a search is made of besides the question, order and page: the filters asked, the viewer's visibility (the
	 * members-only scope, null for everything, and the organisations acted for where it matters) and the synonyms the
	 * question is read with (the very lists, compared by identity: they are replaced, never changed, on a change).
	 */
	private record Asked(@Nullable String alliance, @Nullable String category, @Nullable DocumentType type,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Set<Long> scope, Set<Long> organizations,
			Same synonyms, Same allianceByName) {
	}

	/** The answer kept over the current index reader for everything the search is made of, or found now and kept. */
	private ResultCache.Kept answer(SearchQuery q, long started) {
		String text = q.q() == null ? "" : q.q().strip();
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (text.isEmpty()) {
			errors.add(new Invalid.FieldError("q", "enter the words to search for"));
		}
		if (text.length() > SearchQuery.MAX_LENGTH) {
			errors.add(new Invalid.FieldError("q", "at most " + SearchQuery.MAX_LENGTH + " characters"));
		}
		// In long: page + 1 overflows an int for page = Integer.MAX_VALUE.
		if (q.page() < 0 || q.size() < 1 || ((long) q.page() + 1) * q.size() > MAX_DEPTH) {
			errors.add(new Invalid.FieldError("page", "results go " + MAX_DEPTH + " deep at most; narrow the search"));
		}
		if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
			errors.add(new Invalid.FieldError("to", "must not be before from"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		String folded = ChineseText.fold(text);
		Set<Long> scope = access.membersOnlyScope();
		Set<Long> organizations = scope == null ? Set.of() : access.organizationsActedFor();
		List<List<String>> groups = synonyms.folded();
		Map<String, String> allianceByName = synonyms.allianceByName();
		// The recency boost counts age from the start of the current minute (a minute changes a score by about a
		// millionth), so that an answer kept for the current index reader is the very answer computed afresh.
		long minute = System.currentTimeMillis() / 60_000 * 60_000;
		// Everything the query below is built from, so that a question asked again is neither parsed nor built again
		// (parsing was a third of a request answered from the kept answers, stop 24).
		ResultCache.Key key = new ResultCache.Key(folded, new Asked(q.alliance(), q.category(), q.type(), q.from(), q.to(),
				scope, organizations, new Same(groups), new Same(allianceByName)), q.order(), q.page(), q.size(), minute);
		return index.search(searcher -> {
			ResultCache.Kept kept = answers.get(searcher.getIndexReader(), key);
			if (kept != null) {
				return kept;
			}
			Query words = parse(folded, groups, allianceByName);
			// the same documents as the words' query, asked with fewer clauses, for what needs no score
			Query counting = filters(parse(folded, groups, allianceByName, true), q, scope, organizations);
			try {
				int depth = (q.page() + 1) * q.size();
				TopDocs docs;
				Map<String, Map<String, Long>> facets;
				long total;
				if (q.order() == SearchQuery.Order.DATE) {
					// newest first: no score is asked, only which documents match
					Object[] results = searcher.search(SharedTermStates.share(counting, searcher, termStates),
							new MultiCollectorManager(new TopFieldCollectorManager(BY_DATE, depth, Integer.MAX_VALUE),
									new FacetCounts()));
					docs = (TopDocs) results[0];
					facets = ((FacetCounts.Counted) results[1]).facets();
					total = docs.totalHits.value;
				}
				else {
					// The best hits in two phases: the best candidates by their words in a pass that skips what cannot
					// make them (block-max WAND through the recency lift's bound), the first of them then scored by the
					// whole question (see Ranking); then the total and facets in a pass that scores nothing: scoring
					// every hit for them, the phrases' positions included, was most of a new question's time (stop 25).
					// each term's statistics looked up once for the index reader, not once per place it stands in the
					// query nor once per search
					Query candidates = parse(folded, groups, allianceByName, Questions.Purpose.CANDIDATES);
					Query first = SharedTermStates.share(filters(candidates, q, scope, organizations), searcher, termStates);
					Query whole = candidates.equals(words) ? null
							: new RecencyLift(SharedTermStates.share(filters(words, q, scope, organizations), searcher, termStates), minute);
					docs = Ranking.top(searcher, new RecencyLift(first, minute), whole, depth);
					FacetCounts.Counted counted = searcher.search(SharedTermStates.share(counting, searcher, termStates),
							new FacetCounts());
					facets = counted.facets();
					total = counted.total();
				}
				int from = Math.min(docs.scoreDocs.length, q.page() * q.size());
				ScoreDoc[] page = java.util.Arrays.copyOfRange(docs.scoreDocs, from, docs.scoreDocs.length);
				// The highlighter asks each shown document where the question matches: the words alone, without the
				// visibility filter and the recency boost around them (in a profile under wrk half of a search's time
				// was the highlighter matching the whole query again, document by document).
				List<Hit> hits = shown.hits(searcher, words, page);
				String suggestion = total < 3 ? suggest(searcher.getIndexReader(), folded) : null;
				SearchResult answer = new SearchResult(List.copyOf(hits), total, (System.nanoTime() - started) / 1_000_000,
						q.page(), q.size(), facets(facets), suggestion);
				return answers.put(searcher.getIndexReader(), key, answer);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Newest first. */
	private static final Sort BY_DATE = new Sort(new SortField(IndexDocuments.PUBLISHED, SortField.Type.LONG, true));

	/**
	 * The query a search asks of the index for a viewer with no members-only scope (anonymous), as the answer is found:
	 * the whole question, which scores the best {@link Ranking#WINDOW} hits of {@link #candidates} (the second phase
	 * of the ranking). For the search benchmark, which runs both phases in plain Lucene to compare with the API's answer.
	 */
	Query query(SearchQuery q, long minute) {
		return query(q, minute, Questions.Purpose.RANKING);
	}

	/**
	 * The first phase of {@link #query}'s ranking (see {@link Ranking}): the query whose best {@link Ranking#WINDOW}
	 * hits {@link #query} then scores, for the search benchmark.
	 */
	Query candidates(SearchQuery q, long minute) {
		return query(q, minute, Questions.Purpose.CANDIDATES);
	}

	private Query query(SearchQuery q, long minute, Questions.Purpose purpose) {
		String folded = ChineseText.fold(q.q().strip());
		Query filtered = filters(parse(folded, synonyms.folded(), synonyms.allianceByName(), purpose), q, Set.of(), Set.of());
		return new RecencyLift(filtered, minute);
	}

	/** The question segmented into words, enough of which a document must hold (see {@link Questions}). */
	Query parse(String folded, List<List<String>> groups, Map<String, String> allianceByName) {
		return parse(folded, groups, allianceByName, false);
	}

	/**
	 * The question's query, or with {@code counting} one that matches the same documents with fewer clauses, for
	 * counting them and for the date order (see {@link Questions#forCounting}).
	 */
	Query parse(String folded, List<List<String>> groups, Map<String, String> allianceByName, boolean counting) {
		return parse(folded, groups, allianceByName, counting ? Questions.Purpose.COUNTING : Questions.Purpose.RANKING);
	}

	/** The question's query for the purpose (see {@link Questions.Purpose}), kept like the question's query. */
	Query parse(String folded, List<List<String>> groups, Map<String, String> allianceByName, Questions.Purpose purpose) {
		Parsed key = new Parsed(folded, new Same(groups), new Same(allianceByName), purpose);
		Query kept = parsed.get(key);
		if (kept != null) {
			return kept;
		}
		Query query = new Questions(index.queryAnalyzer(), purpose).parse(folded, groups, allianceByName);
		if (parsed.size() >= PARSED_KEPT) {
			parsed.clear(); // bounded: at the limit all is dropped and kept again from what is asked now
		}
		parsed.put(key, query);
		return query;
	}

	/** A question as parsed: its words and the synonym lists it was read with (by identity, see {@link Asked}). */
	private record Parsed(String folded, Same synonyms, Same allianceByName, Questions.Purpose purpose) {
	}

	/**
	 * The questions as parsed, whatever their filters, page and order, and over any index reader: a query is made of
	 * the question's words alone (the analyzer is fixed), and Lucene's queries do not change once built.
	 */
	private final Map<Parsed, Query> parsed = new java.util.concurrent.ConcurrentHashMap<>();

	/** How many parsed questions are kept at most. */
	static final int PARSED_KEPT = 2_000;

	private Query filters(Query words, SearchQuery q, @Nullable Set<Long> scope, Set<Long> organizations) {
		BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
		if (scope != null) {
			BooleanQuery.Builder visible = new BooleanQuery.Builder()
				.add(new TermQuery(new Term(IndexDocuments.VISIBILITY, "PUBLIC")), Occur.SHOULD);
			for (Long id : scope) {
				visible.add(new TermQuery(new Term(IndexDocuments.MEMBERS_OF, String.valueOf(id))), Occur.SHOULD);
			}
			for (Long id : organizations) {
				visible.add(new TermQuery(new Term(IndexDocuments.READER_ORGANIZATION, String.valueOf(id))), Occur.SHOULD);
			}
			b.add(visible.build(), Occur.FILTER);
		}
		if (q.alliance() != null && !q.alliance().isBlank()) {
			b.add(new TermQuery(new Term(IndexDocuments.ALLIANCE, q.alliance())), Occur.FILTER);
		}
		if (q.category() != null && !q.category().isBlank()) {
			b.add(new TermQuery(new Term(IndexDocuments.CATEGORY, q.category())), Occur.FILTER);
		}
		if (q.type() != null) {
			b.add(new TermQuery(new Term(IndexDocuments.TYPE, q.type().name())), Occur.FILTER);
		}
		if (q.from() != null || q.to() != null) {
			long from = q.from() == null ? Long.MIN_VALUE : q.from().atStartOfDay(CHINA).toInstant().toEpochMilli();
			long to = q.to() == null ? Long.MAX_VALUE : q.to().plusDays(1).atStartOfDay(CHINA).toInstant().toEpochMilli() - 1;
			b.add(LongPoint.newRangeQuery(IndexDocuments.PUBLISHED, from, to), Occur.FILTER);
		}
		return b.build();
	}

	private static Map<String, List<FacetCount>> facets(Map<String, Map<String, Long>> counts) {
		Map<String, List<FacetCount>> out = new LinkedHashMap<>();
		for (String facet : List.of(IndexDocuments.ALLIANCE, IndexDocuments.CATEGORY, IndexDocuments.TYPE)) {
			out.put(facet, counts.getOrDefault(facet, Map.of())
				.entrySet()
				.stream()
				.map(e -> new FacetCount(e.getKey(), e.getValue()))
				.sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
				.toList());
		}
		return java.util.Collections.unmodifiableMap(out);
	}

	/** Replaces each word that is in no keyword with the closest keyword that is, if one is close. */
	private @Nullable String suggest(IndexReader reader, String folded) throws IOException {
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMinPrefix(0);
		checker.setMinQueryLength(2);
		checker.setMaxEdits(2);
		StringBuilder out = new StringBuilder();
		boolean changed = false;
		for (String word : folded.replace('"', ' ').split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			String replacement = word;
			Term term = new Term(IndexDocuments.KEYWORDS, word);
			if (reader.docFreq(term) == 0 && closeKeywords.mayHaveClose(reader, word)) {
				SuggestWord[] similar = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				if (similar.length > 0) {
					replacement = similar[0].string;
					changed = true;
				}
			}
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(replacement);
		}
		return changed ? out.toString() : null;
	}
}
