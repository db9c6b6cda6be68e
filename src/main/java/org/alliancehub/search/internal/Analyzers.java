package org.alliancehub.search.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Two views of every text: words as the Chinese analyzer (smartcn) segments them, for precision, and
 * overlapping character pairs (bigrams), for the words smartcn does not know (product names such as
 * 渣浆泵, company names). A query is run against both; words weigh more.
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

	/**
	 * For indexing: pairs and also single characters, so that a one-character word of a query (年 in
	 * 2023年, 泵) is found even where it stands inside a pair.
	 */
	static Analyzer forIndex() {
		Analyzer pairsAndSingles = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream ts = new CJKWidthFilter(source);
				ts = new LowerCaseFilter(ts);
				ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
						| CJKBigramFilter.HANGUL, true);
				return new TokenStreamComponents(source, ts);
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return new LowerCaseFilter(new CJKWidthFilter(in));
			}
		};
		return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(true),
				Map.of(TITLE_BIGRAMS, pairsAndSingles, BODY_BIGRAMS, pairsAndSingles));
	}

	/** For queries: words as smartcn segments them; pairs only in the pair fields (a lone character stays single). */
	static Analyzer forQuery() {
		Analyzer pairs = new CJKAnalyzer(CharArraySet.EMPTY_SET);
		return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(true),
				Map.of(TITLE_BIGRAMS, pairs, BODY_BIGRAMS, pairs));
	}
}
