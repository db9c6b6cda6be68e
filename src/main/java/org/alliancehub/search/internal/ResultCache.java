package org.alliancehub.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancehub.search.SearchResult;
import org.apache.lucene.index.IndexReader;
import org.jspecify.annotations.Nullable;

/**
 * The answers given over one index reader, each under everything its search was made of (the question, the query
 * with the viewer's visibility filter and the other filters, the order, the page, the minute of the recency boost).
 * An index reader is a fixed point in time of the index: every change (a write, a change from the feed, a rebuild)
 * makes the next search acquire a new reader, for which nothing is held, so no answer outlives the index it was
 * computed from. Answers of older readers are dropped whole when an answer for another reader is kept.
 */
final class ResultCache {

	/** What a search was made of; two searches equal in all of it give the same answer over the same reader. */
	record Key(String folded, Object query, Object order, int page, int size, long minute) {
	}

	private record Held(IndexReader reader, Map<Key, SearchResult> answers) {
	}

	private final int max;

	private volatile @Nullable Held held;

	ResultCache(int max) {
		this.max = max;
	}

	/** The answer kept for this key over exactly this reader, if any. */
	@Nullable SearchResult get(IndexReader reader, Key key) {
		Held h = held;
		return h != null && h.reader() == reader ? h.answers().get(key) : null;
	}

	void put(IndexReader reader, Key key, SearchResult answer) {
		Held h = held;
		if (h == null || h.reader() != reader) {
			h = new Held(reader, new ConcurrentHashMap<>());
			held = h;
		}
		if (h.answers().size() >= max) {
			// bounded: at the limit all is dropped and kept again from what is asked now
			h.answers().clear();
		}
		h.answers().put(key, answer);
	}
}
