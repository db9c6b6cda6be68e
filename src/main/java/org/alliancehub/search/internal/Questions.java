package org.alliancehub.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.alliancehub.text.ChineseText;
import org.alliancehub.text.Synonyms;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns a question as a reader types it (no spaces, words in any order) into a query. The question is
 * segmented into words (smartcn); a document matches when it holds enough of them (all of one to three,
 * three of four, seven in ten of more), each word found as a word of the title or body or, for names the
 * dictionary does not know, through its character pairs. Words standing close together and in the order
 * typed, and a title holding the whole question, add to the score. Names and synonyms of a group (化纤联盟,
 * 化纤产业技术创新战略联盟) stand for each other. "Quoted text" must occur as typed, -word must not occur.
 */
final class Questions {

	private static final Map<String, Float> PAIRS = Map.of(Analyzers.TITLE_BIGRAMS, 3f, Analyzers.BODY_BIGRAMS, 1f);

	/** What a page of the alliance a question names scores for that name when its text does not name it. */
	private static final float ALLIANCE_PAGE = 1f;

	/** How much more a page holding every word of a long question scores, relative to its words' score. */
	private static final float EVERY_WORD = 0.5f;

	private static final String SYNTAX = "+|*~()^\\[]{}";

	private final Analyzer analyzer;

	/** What the query is for: ranking (every clause), the candidates of a ranking, or counting only. */
	enum Purpose {
		/** Every clause: which documents match and their whole score. */
		RANKING,
		/**
		 * The documents of {@link #RANKING}, scored by their words alone: without the clauses that only add to the score
		 * (the page holding every word, the phrases, the whole question in a title). The first of a ranking's two
		 * phases (see {@link Ranking}).
		 */
		CANDIDATES,
		/** The documents of {@link #RANKING}, with fewer clauses (see {@link #forCounting}). */
		COUNTING
	}

	private final Purpose purpose;

	private Map<String, String> alliances = Map.of();

	Questions(Analyzer queryAnalyzer) {
		this(queryAnalyzer, Purpose.RANKING);
	}

	Questions(Analyzer queryAnalyzer, Purpose purpose) {
		this.analyzer = queryAnalyzer;
		this.purpose = purpose;
	}

	/**
	 * Queries that match the very documents the queries of {@link #Questions(Analyzer)} match, for counting them (and
	 * for an order that is not by score): without the clauses that only add to the score (the page holding every word,
	 * the phrases, the whole question in a title), and with each word written in Chinese characters only asked through
	 * its pairs. Such a word, in the title or body words, stands in the text as those very characters one after the
	 * other, and the pair fields of the same text hold every pair of them (and each character alone), so asking for it
	 * as a word finds no document its pairs do not (stop 26: the word fields were half the postings the count read).
	 */
	static Questions forCounting(Analyzer queryAnalyzer) {
		return new Questions(queryAnalyzer, Purpose.COUNTING);
	}

	/** One thing the question asks for: a word, or a name with the other names of its group. */
	private record Unit(Query query, boolean required, List<String> words) {
	}

	/**
	 * @param folded the question, folded
	 * @param synonyms groups of folded names that stand for each other
	 */
	Query parse(String folded, Collection<List<String>> synonyms) {
		return parse(folded, synonyms, Map.of());
	}

	/**
	 * @param alliances the alliance (URL name) each folded alliance name names: a page of that alliance
	 *        counts as naming it, with a small constant score (its text naming it scores more)
	 */
	Query parse(String folded, Collection<List<String>> synonyms, Map<String, String> alliances) {
		this.alliances = alliances;
		BooleanQuery.Builder must = new BooleanQuery.Builder();
		StringBuilder free = new StringBuilder();
		boolean any = false;
		int i = 0;
		while (i < folded.length()) {
			char c = folded.charAt(i);
			if (c == '"') {
				int end = folded.indexOf('"', i + 1);
				String phrase = folded.substring(i + 1, end < 0 ? folded.length() : end);
				Query q = pairs("\"" + phrase.replace("\\", " ") + "\"");
				if (q != null) {
					must.add(q, Occur.MUST);
					any = true;
				}
				i = end < 0 ? folded.length() : end + 1;
				continue;
			}
			int end = i;
			while (end < folded.length() && !Character.isWhitespace(folded.charAt(end)) && folded.charAt(end) != '"') {
				end++;
			}
			String token = folded.substring(i, end);
			if (token.length() > 1 && token.charAt(0) == '-') {
				Query q = pairs(strip(token.substring(1)));
				if (q != null) {
					must.add(q, Occur.MUST_NOT);
				}
			}
			else if (!token.isEmpty()) {
				free.append(strip(token)).append(' ');
			}
			i = Math.max(end, i + 1);
		}
		Query words = words(free.toString().strip(), synonyms);
		if (words != null) {
			must.add(words, Occur.MUST);
			any = true;
		}
		return any ? must.build() : new MatchNoDocsQuery("no searchable words");
	}

	private static String strip(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(SYNTAX.indexOf(c) >= 0 ? ' ' : c);
		}
		return out.toString();
	}

	private @Nullable Query words(String text, Collection<List<String>> synonyms) {
		if (text.isBlank()) {
			return null;
		}
		List<Unit> units = new ArrayList<>();
		for (Synonyms.Span span : new Synonyms(synonyms).spans(text)) {
			if (!span.isName()) {
				units.addAll(plainUnits(span.text()));
				continue;
			}
			BooleanQuery.Builder either = new BooleanQuery.Builder();
			for (String name : span.group()) {
				BooleanQuery.Builder all = new BooleanQuery.Builder();
				for (String w : segment(name)) {
					all.add(word(w), ChineseText.isFunctionWord(w) ? Occur.SHOULD : Occur.MUST);
				}
				either.add(all.build(), Occur.SHOULD);
			}
			span.group().stream().map(alliances::get).filter(java.util.Objects::nonNull).distinct().forEach(slug -> either.add(
					new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexDocuments.ALLIANCE, slug))), ALLIANCE_PAGE),
					Occur.SHOULD));
			units.add(new Unit(either.build(), true, segment(span.text())));
		}
		if (units.isEmpty()) {
			return null;
		}
		long required = units.stream().filter(Unit::required).count();
		BooleanQuery.Builder enough = new BooleanQuery.Builder();
		for (Unit u : units) {
			enough.add(u.query(), Occur.SHOULD);
		}
		enough.setMinimumNumberShouldMatch(required == 0 ? 1 : enough(required));
		if (required < units.size()) {
			// Function words may be missing: they count for nothing towards the minimum.
			BooleanQuery.Builder counted = new BooleanQuery.Builder();
			for (Unit u : units) {
				if (u.required()) {
					counted.add(u.query(), Occur.SHOULD);
				}
			}
			if (required > 0) {
				counted.setMinimumNumberShouldMatch(enough(required));
				enough = new BooleanQuery.Builder().add(counted.build(), Occur.MUST);
				for (Unit u : units) {
					if (!u.required()) {
						enough.add(u.query(), Occur.SHOULD);
					}
				}
			}
		}
		BooleanQuery.Builder scored = new BooleanQuery.Builder().add(enough.build(), Occur.MUST);
		if (purpose != Purpose.RANKING) {
			return scored.build();
		}
		if (enough(required) < required) {
			// A page holding every word of the question ranks above one holding most of them (纪要 in
			// 渣浆泵联盟成立大会纪要 is what the reader asks for, not a word that may be missing).
			BooleanQuery.Builder every = new BooleanQuery.Builder();
			for (Unit u : units) {
				if (u.required()) {
					every.add(u.query(), Occur.MUST);
				}
			}
			scored.add(new BoostQuery(every.build(), EVERY_WORD), Occur.SHOULD);
		}
		List<String> sequence = units.stream().flatMap(u -> u.words().stream()).toList();
		if (sequence.size() >= 2 && sequence.size() <= 12) {
			// Words close together, best in the order typed (a sloppy phrase scores nearer matches higher).
			int slop = 2 * sequence.size() + 4;
			scored.add(new BoostQuery(new PhraseQuery(slop, Analyzers.TITLE, sequence.toArray(String[]::new)), 2f), Occur.SHOULD);
			scored.add(new PhraseQuery(slop, Analyzers.BODY_WORDS, sequence.toArray(String[]::new)), Occur.SHOULD);
			// A title holding the whole question, every pair of it.
			Query whole = new SimpleQueryParser(analyzer, Map.of(Analyzers.TITLE_BIGRAMS, 1f)).parse(text.replace(" ", ""));
			if (whole != null) {
				scored.add(new BoostQuery(whole, 0.5f), Occur.SHOULD);
			}
		}
		return scored.build();
	}

	/** How many of n words a document must hold. */
	static int enough(long n) {
		if (n <= 3) {
			return (int) n;
		}
		if (n == 4) {
			return 3;
		}
		return (int) Math.ceil(n * 0.7);
	}

	private List<Unit> plainUnits(String text) {
		List<Unit> out = new ArrayList<>();
		for (String w : segment(text)) {
			out.add(new Unit(word(w), !ChineseText.isFunctionWord(w), List.of(w)));
		}
		return out;
	}

	/** One word: as a word of the title (weighted most) or the body, or through its character pairs. */
	private Query word(String w) {
		if (purpose == Purpose.COUNTING && !w.isEmpty() && w.codePoints().allMatch(Questions::isHan)) {
			Query pairs = pairs(w);
			if (pairs != null) {
				return new BooleanQuery.Builder().add(pairs, Occur.SHOULD).build();
			}
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder()
			.add(new BoostQuery(new TermQuery(new Term(Analyzers.TITLE, w)), 3f), Occur.SHOULD)
			.add(new TermQuery(new Term(Analyzers.BODY_WORDS, w)), Occur.SHOULD);
		Query pairs = pairs(w);
		if (pairs != null) {
			b.add(new BoostQuery(pairs, 0.5f), Occur.SHOULD);
		}
		return b.build();
	}

	/** Every character pair of the text, in the title or body pair fields. */
	private @Nullable Query pairs(String text) {
		if (text.isBlank()) {
			return null;
		}
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, PAIRS);
		parser.setDefaultOperator(Occur.MUST);
		return parser.parse(text);
	}

	/** A Chinese character, which the pair analysis splits alone and joins with the next (see {@link ChineseText}). */
	static boolean isHan(int codePoint) {
		return Character.isIdeographic(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	List<String> segment(String text) {
		return ChineseText.wordsOfFolded(text);
	}
}
