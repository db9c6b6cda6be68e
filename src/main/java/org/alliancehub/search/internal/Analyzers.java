package org.alliancehub.search.internal;

import java.util.Map;

import org.alliancehub.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The fields of the index and their analysis, which is {@link ChineseText}'s: two views of every text,
 * words as smartcn segments them, for precision, and overlapping character pairs (bigrams), for the words
 * smartcn does not know (product names such as 渣浆泵, company names). A query is run against both; words
 * weigh more.
 */
final class Analyzers {

	static final String TITLE = "title";

	static final String BODY = "body";

	/** The body segmented into words (the stored {@link #BODY} is for the highlighter only). */
	static final String BODY_WORDS = "body_w";

	static final String TITLE_BIGRAMS = "title_bi";

	static final String BODY_BIGRAMS = "body_bi";

	/**
	 * The body's pairs are indexed with their offsets: the highlighter finds a shown hit's matches in them
	 * instead of analysing its body again (a stored field type like {@code TextField}'s, unstored).
	 */
	static final org.apache.lucene.document.FieldType WITH_OFFSETS;

	static {
		var type = new org.apache.lucene.document.FieldType(org.apache.lucene.document.TextField.TYPE_NOT_STORED);
		type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		WITH_OFFSETS = type;
	}

	private Analyzers() {
	}

	/** For indexing: words, and in the pair fields pairs and also single characters. */
	static Analyzer forIndex() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(),
				Map.of(TITLE_BIGRAMS, ChineseText.pairIndexAnalyzer(), BODY_BIGRAMS, ChineseText.pairIndexAnalyzer()));
	}

	/**
	 * For the highlighter, which marks the matches of each shown hit in its body's character pairs and single
	 * characters (they hold every word of a question too: each word is also asked for through its pairs). It reads
	 * their offsets from the index; only an index written before they were kept is analysed again, with this.
	 */
	static Analyzer forHighlighting() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(),
				Map.of(BODY, ChineseText.pairIndexAnalyzer(), BODY_BIGRAMS, ChineseText.pairIndexAnalyzer()));
	}

	/** For queries: words as smartcn segments them; pairs only in the pair fields (a lone character stays single). */
	static Analyzer forQuery() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(),
				Map.of(TITLE_BIGRAMS, ChineseText.pairQueryAnalyzer(), BODY_BIGRAMS, ChineseText.pairQueryAnalyzer()));
	}
}
