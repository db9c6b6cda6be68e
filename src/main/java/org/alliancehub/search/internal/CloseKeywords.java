package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Whether any keyword of the index could be within two edits of a word, so that Lucene's spell checker may suggest
 * it: asked before the spell checker, which builds Levenshtein automata for the word each time (in a JFR profile of
 * the demo questions, stop 22, 59% of a search's time went to building them for questions with fewer than three
 * hits, nearly always to find nothing).
 * <p>
 * The test is a necessary condition of the spell checker's own: a keyword two edits (insertions, deletions,
 * substitutions, transpositions) from the word is at most two characters longer or shorter and holds all its
 * characters but at most two, and the other way round. Where no keyword passes it, the spell checker would have
 * found nothing; where one does, the spell checker is asked as before. The keywords of each segment are read once,
 * grouped by length with their characters sorted, and dropped with the segment.
 */
final class CloseKeywords {

	/** The largest number of edits the spell checker allows (Lucene's limit, and {@code Searcher}'s setting). */
	static final int EDITS = 2;

	private final Map<Object, Map<Integer, List<int[]>>> bySegment = new ConcurrentHashMap<>();

	/** Whether some keyword may be within {@link #EDITS} edits of the word (lower-cased, as the spell checker does). */
	boolean mayHaveClose(IndexReader reader, String word) throws IOException {
		int[] w = word.toLowerCase(Locale.ROOT).codePoints().sorted().toArray();
		for (LeafReaderContext leaf : reader.leaves()) {
			Map<Integer, List<int[]>> byLength = keywords(leaf.reader());
			for (int len = Math.max(0, w.length - EDITS); len <= w.length + EDITS; len++) {
				for (int[] k : byLength.getOrDefault(len, List.of())) {
					if (shared(w, k) >= Math.max(w.length, k.length) - EDITS) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private Map<Integer, List<int[]>> keywords(LeafReader leaf) throws IOException {
		IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
		if (helper == null) {
			return read(leaf);
		}
		Map<Integer, List<int[]>> kept = bySegment.get(helper.getKey());
		if (kept == null) {
			kept = read(leaf);
			if (bySegment.putIfAbsent(helper.getKey(), kept) == null) {
				helper.addClosedListener(bySegment::remove);
			}
		}
		return kept;
	}

	private static Map<Integer, List<int[]>> read(LeafReader leaf) throws IOException {
		Map<Integer, List<int[]>> byLength = new HashMap<>();
		Terms terms = leaf.terms(IndexDocuments.KEYWORDS);
		if (terms != null) {
			TermsEnum e = terms.iterator();
			for (BytesRef t = e.next(); t != null; t = e.next()) {
				int[] k = t.utf8ToString().codePoints().sorted().toArray();
				byLength.computeIfAbsent(k.length, n -> new ArrayList<>()).add(k);
			}
		}
		return byLength;
	}

	/** How many characters two sorted arrays of characters have in common (as multisets). */
	static int shared(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				n++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return n;
	}

	/** The number of segments whose keywords are held; for tests. */
	int segmentsHeld() {
		return bySegment.size();
	}
}
