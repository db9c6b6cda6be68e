package org.alliancehub.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.jspecify.annotations.Nullable;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * The analysis of Chinese text, in one place. Text is first {@linkplain #fold folded} to one form, then
 * read in two views: {@linkplain #words words} as the smartcn segmenter finds them, for precision, and
 * overlapping {@linkplain #pairs character pairs}, for names and terms the dictionary does not know
 * (渣浆泵, company names). The Lucene analyzers are shared, thread-safe instances; they expect folded text.
 */
public final class ChineseText {

	/**
	 * Changes whenever the analysis does (what {@link #fold} or the analyzers make of a text): an index
	 * written with another version is rebuilt. 2: 醯 and 矽 folded.
	 */
	public static final String VERSION = "2";

	/** Words that carry no meaning of their own: a question's words, but never required of an answer. */
	private static final Set<String> FUNCTION_WORDS = Set.of("的", "了", "在", "对", "与", "和", "及", "是", "为", "等", "把",
			"被", "从", "向", "关于", "有关", "之", "或", "并", "将", "中", "上", "请问", "怎么", "如何", "什么", "哪些", "吗");

	private static final @Nullable BitSet CONVERTIBLE = convertible();

	private static final Analyzer WORDS = new SmartChineseAnalyzer(true);

	private static final Analyzer PAIRS_AND_SINGLES = new Analyzer() {
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

	private static final Analyzer PAIRS = new CJKAnalyzer(CharArraySet.EMPTY_SET);

	private ChineseText() {
	}

	/**
	 * One form for every text before it is indexed, searched or compared: compatibility forms unfolded
	 * (full-width ＧＢ／Ｔ becomes GB/T), Traditional characters turned into Simplified phrase by phrase
	 * (OpenCC data), the few regional variants OpenCC keeps ({@code 醯} as {@code 酰}), and lower case. A text in
	 * 繁體 then meets the same text in 简体.
	 */
	public static String fold(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		String simplified = opencc(nfkc);
		return variants(simplified).toLowerCase(Locale.ROOT);
	}

	/**
	 * Converts a short Traditional text, for a start's warm-up ({@link org.alliancehub.shared.WarmUp}): OpenCC reads its
	 * dictionaries and builds their lookup tree on its first conversion, about a third of a second of CPU, which a
	 * first start otherwise spent in the search index's first round after the demo fill, the last thing before the
	 * platform says it is up (stop 29's profile). Nothing is kept but the library's own tables.
	 */
	public static void warmUp() {
		fold("聯盟協同發展網的簡報");
	}

	/**
	 * Traditional to Simplified with OpenCC's data, skipped where it can change nothing: a text none of whose
	 * characters starts or stands in an entry of the data (most texts here are Simplified already) is its
	 * own result, and OpenCC's phrase matching is a good part of the cost of indexing.
	 */
	static String opencc(String text) {
		return mayConvert(text) ? ZhConverterUtil.toSimple(text) : text;
	}

	static boolean mayConvert(String text) {
		BitSet convertible = CONVERTIBLE;
		if (convertible == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c) || convertible.get(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Variants OpenCC leaves as they are because they are a region's usage, not a Traditional form: the
	 * Taiwan and Hong Kong chemistry characters 醯 (酰, acyl: 乙醯 = 乙酰) and 矽 (硅, silicon).
	 */
	private static String variants(String text) {
		if (text.indexOf('醯') < 0 && text.indexOf('矽') < 0) {
			return text;
		}
		return text.replace('醯', '酰').replace('矽', '硅');
	}

	/**
	 * The characters OpenCC's Traditional-to-Simplified data may change: those of its character entries that
	 * map to something else (entries such as 于 → 于 change nothing), and every character of a phrase entry
	 * that holds none of those. A text without any of them is left as it is. Null when the data cannot be read.
	 */
	private static @Nullable BitSet convertible() {
		BitSet out = new BitSet(0x10000);
		List<String> phrases = new ArrayList<>();
		for (String file : List.of("/data/dictionary/TSCharacters.txt", "/data/dictionary/TSPhrases.txt")) {
			try (InputStream in = ZhConverterUtil.class.getResourceAsStream(file)) {
				if (in == null) {
					return null;
				}
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				while ((line = lines.readLine()) != null) {
					String[] entry = line.split("\t");
					String key = entry[0].strip();
					if (file.endsWith("Phrases.txt")) {
						phrases.add(key);
						continue;
					}
					String[] values = entry.length > 1 ? entry[1].strip().split("\\s+") : new String[0];
					if (java.util.Arrays.stream(values).anyMatch(v -> !v.equals(key))) {
						key.chars().forEach(out::set);
					}
				}
			}
			catch (IOException e) {
				return null;
			}
		}
		for (String phrase : phrases) {
			if (phrase.chars().noneMatch(out::get)) {
				phrase.chars().forEach(out::set);
			}
		}
		return out;
	}

	/** The words of a text, folded first (so 繁體 and 简体 give the same words), in order, punctuation left out. */
	public static List<String> words(String text) {
		return wordsOfFolded(fold(text));
	}

	/** The words of a text that is {@linkplain #fold folded} already. */
	public static List<String> wordsOfFolded(String folded) {
		return terms(WORDS, folded);
	}

	/** The overlapping character pairs of a folded text (a lone character stays single; Latin words stay whole). */
	public static List<String> pairsOfFolded(String folded) {
		return terms(PAIRS, folded);
	}

	/** Whether a word only joins others (的, 和, 关于): it may be missing from a text that answers. */
	public static boolean isFunctionWord(String word) {
		return FUNCTION_WORDS.contains(word);
	}

	/** The analyzer of words (smartcn), for folded text; for an index field and for the words of a question. */
	public static Analyzer wordAnalyzer() {
		return WORDS;
	}

	/**
	 * The analyzer of character pairs for indexing: pairs and also single characters, so that a
	 * one-character word of a question (年 in 2023年, 泵) is found even where it stands inside a pair.
	 */
	public static Analyzer pairIndexAnalyzer() {
		return PAIRS_AND_SINGLES;
	}

	/** The analyzer of character pairs for questions: pairs only (a lone character stays single). */
	public static Analyzer pairQueryAnalyzer() {
		return PAIRS;
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		if (text.isBlank()) {
			return out;
		}
		try (TokenStream ts = analyzer.tokenStream("", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}
}
