package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A question's query with the statistics of each of its terms looked up once per search instead of once per place
 * the term stands in the query.
 * <p>
 * A question of seven words holds about 70 term queries but only about 30 different terms: each word is asked in the
 * title, in the body and through its pairs, once among the words of which enough must match and again in the clause
 * that lifts a page holding every word. Lucene looks a term up in every segment for each of those places when it
 * makes the query's weight (a new terms enum per segment, 23 % of a search never asked before in a profile, stop 23).
 * Here every {@link TermQuery} is given the {@link TermStates} of its term built once over the searcher's reader, which
 * is what {@link TermQuery#createWeight} builds for itself otherwise: the same statistics, so the same scores.
 */
final class SharedTermStates {

	private final IndexSearcher searcher;

	private final Map<Term, TermStates> states;

	private SharedTermStates(IndexSearcher searcher, Map<Term, TermStates> states) {
		this.searcher = searcher;
		this.states = states;
	}

	/** The query with its term queries sharing their terms' statistics, for searches with this searcher only. */
	static Query share(Query query, IndexSearcher searcher) throws IOException {
		return new SharedTermStates(searcher, new HashMap<>()).walk(query);
	}

	/**
	 * The query with its term queries sharing their terms' statistics with every other search over the same index
	 * reader that asks for the same terms (built once for the reader: a term's statistics are those of the reader).
	 */
	static Query share(Query query, IndexSearcher searcher, OfReader kept) throws IOException {
		return new SharedTermStates(searcher, kept.of(searcher.getIndexReader())).walk(query);
	}

	/**
	 * The terms' statistics built over the current index reader (at most {@link #MAX} terms), read by every search
	 * over it: a {@link TermStates} made with {@link TermStates#TermStates(IndexReaderContext)} and registered is only
	 * read afterwards. A search over another reader starts afresh, so no statistics outlive their reader.
	 */
	static final class OfReader extends KeptPerReader<Term, TermStates> {

		static final int MAX = 20_000;

		OfReader() {
			super(MAX);
		}
	}

	private Query walk(Query query) throws IOException {
		if (query instanceof TermQuery t) {
			if (t.getTermStates() != null) {
				return t;
			}
			TermStates s = states.get(t.getTerm());
			if (s == null) {
				s = build(t.getTerm());
				states.put(t.getTerm(), s);
			}
			return new TermQuery(t.getTerm(), s);
		}
		if (query instanceof BoostQuery b) {
			Query inner = walk(b.getQuery());
			return inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
		}
		if (query instanceof ConstantScoreQuery c) {
			Query inner = walk(c.getQuery());
			return inner == c.getQuery() ? c : new ConstantScoreQuery(inner);
		}
		if (query instanceof BooleanQuery bq) {
			BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
			boolean changed = false;
			for (BooleanClause c : bq.clauses()) {
				Query inner = walk(c.getQuery());
				changed |= inner != c.getQuery();
				b.add(inner, c.getOccur());
			}
			return changed ? b.build() : bq;
		}
		return query;
	}

	/** One terms enum per segment and field, positioned on each term in turn (each made anew in Lucene's own build). */
	private final Map<String, TermsEnum> enums = new HashMap<>();

	/** What {@link TermStates#build} with statistics gives: the term's state, frequency and total frequency per segment. */
	private TermStates build(Term term) throws IOException {
		IndexReaderContext top = searcher.getTopReaderContext();
		TermStates s = new TermStates(top);
		for (LeafReaderContext leaf : top.leaves()) {
			String key = leaf.ord + "\u0000" + term.field();
			TermsEnum te = enums.get(key);
			if (te == null) {
				Terms terms = Terms.getTerms(leaf.reader(), term.field());
				te = terms.iterator();
				enums.put(key, te);
			}
			if (te.seekExact(term.bytes())) {
				s.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
			}
		}
		return s;
	}
}
