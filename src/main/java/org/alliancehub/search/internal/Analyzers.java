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

	private Analyzers() {
	}

	/** For indexing: words, and in the pair fields pairs and also single characters. */
	static Analyzer forIndex() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(),
				Map.of(TITLE_BIGRAMS, ChineseText.pairIndexAnalyzer(), BODY_BIGRAMS, ChineseText.pairIndexAnalyzer()));
	}

	/**
	 * For the highlighter, which re-reads the stored body of each shown hit: as character pairs and single
	 * characters, which hold every word of a question too (each word is also asked for through its pairs) and
	 * cost a third of segmenting the body into words again.
	 */
	static Analyzer forHighlighting() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(), Map.of(BODY, ChineseText.pairIndexAnalyzer()));
	}

	/** For queries: words as smartcn segments them; pairs only in the pair fields (a lone character stays single). */
	static Analyzer forQuery() {
		return new PerFieldAnalyzerWrapper(ChineseText.wordAnalyzer(),
				Map.of(TITLE_BIGRAMS, ChineseText.pairQueryAnalyzer(), BODY_BIGRAMS, ChineseText.pairQueryAnalyzer()));
	}
}
