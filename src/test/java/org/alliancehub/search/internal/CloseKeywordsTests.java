package org.alliancehub.search.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.alliancehub.platform.AllianceHubProperties;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test asked before Lucene's spell checker never holds it back from a suggestion it would make: over an index of
 * many segments, for keywords with one and two edits of every kind, other keywords, unrelated words and long
 * questions, wherever {@link CloseKeywords} says no keyword may be close the spell checker (set as
 * {@code Searcher} sets it) finds nothing; and it does say so for most of the long questions (what it saves).
 */
class CloseKeywordsTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private final List<String> keywords = new ArrayList<>();

	private static final String CHARS = "联盟标准渣浆泵耐磨材料环保装备成立大会理事会秘书处协议合作半导体照明化纤产业技术创新战略abcdefgh";

	@BeforeEach
	void fill() {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		Random r = new Random(22);
		for (int id = 0; id < 300; id++) {
			Document d = new Document();
			for (int k = 0; k < 3; k++) {
				String word = word(r, 2 + r.nextInt(6));
				keywords.add(word);
				d.add(new StringField(IndexDocuments.KEYWORDS, word, Field.Store.NO));
			}
			index.write("K:" + id, d); // one refresh per document: many small segments
		}
	}

	@AfterEach
	void close() {
		index.close();
	}

	private static String word(Random r, int length) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < length; i++) {
			b.append(CHARS.charAt(r.nextInt(CHARS.length())));
		}
		return b.toString();
	}

	private static String edit(Random r, String w) {
		StringBuilder b = new StringBuilder(w);
		int at = r.nextInt(b.length());
		switch (r.nextInt(4)) {
			case 0 -> b.insert(at, CHARS.charAt(r.nextInt(CHARS.length())));
			case 1 -> {
				if (b.length() > 1) {
					b.deleteCharAt(at);
				}
			}
			case 2 -> b.setCharAt(at, CHARS.charAt(r.nextInt(CHARS.length())));
			default -> {
				if (at + 1 < b.length()) {
					char c = b.charAt(at);
					b.setCharAt(at, b.charAt(at + 1));
					b.setCharAt(at + 1, c);
				}
			}
		}
		return b.toString();
	}

	@Test
	void noWordTheSpellCheckerHasASuggestionForIsSkipped() {
		CloseKeywords close = new CloseKeywords();
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMinPrefix(0);
		checker.setMinQueryLength(2);
		checker.setMaxEdits(2);
		Random r = new Random(14);
		List<String> words = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String k = keywords.get(r.nextInt(keywords.size()));
			words.add(edit(r, k));
			words.add(edit(r, edit(r, k)));
			words.add(edit(r, edit(r, edit(r, k))));
			words.add(word(r, 2 + r.nextInt(8)));
			words.add(k.toUpperCase());
		}
		int suggested = 0;
		int skipped = 0;
		int longSkipped = 0;
		int longAsked = 0;
		for (String w : words) {
			boolean may = index.search(s -> {
				try {
					return close.mayHaveClose(s.getIndexReader(), w);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			SuggestWord[] similar = index.search(s -> {
				try {
					return checker.suggestSimilar(new Term(IndexDocuments.KEYWORDS, w), 1, s.getIndexReader(),
							SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			if (similar.length > 0) {
				suggested++;
				assertThat(may).as("%s has the suggestion %s", w, similar[0].string).isTrue();
			}
			if (!may) {
				skipped++;
			}
		}
		for (int i = 0; i < 100; i++) {
			String question = word(new Random(i), 10 + i % 6);
			longAsked++;
			boolean may = index.search(s -> {
				try {
					return close.mayHaveClose(s.getIndexReader(), question);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			if (!may) {
				longSkipped++;
			}
		}
		assertThat(suggested).as("words with a suggestion").isGreaterThan(500);
		assertThat(skipped).as("words skipped").isGreaterThan(100);
		assertThat(longSkipped).as("long questions skipped").isGreaterThan(longAsked * 9 / 10);
		assertThat(close.segmentsHeld()).isPositive();
	}

	@Test
	void charactersSharedAreCountedAsMultisets() {
		assertThat(CloseKeywords.shared(new int[] { 1, 2, 2, 3 }, new int[] { 2, 2, 2, 4 })).isEqualTo(2);
		assertThat(CloseKeywords.shared(new int[] {}, new int[] { 1 })).isZero();
	}
}
