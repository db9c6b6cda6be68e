package org.alliancehub.search.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.alliancehub.search.SearchResult;
import org.apache.lucene.index.IndexReader;
import org.jspecify.annotations.Nullable;

/**
 * The answers given over one index reader, each under everything its search was made of (the question, the
 * viewer's visibility and the other filters, the synonyms it was read with, the order, the page, the minute of the
 * recency boost), each with what a caller rendered of it (the API's JSON).
 * An index reader is a fixed point in time of the index: every change (a write, a change from the feed, a rebuild)
 * makes the next search acquire a new reader, for which nothing is held, so no answer outlives the index it was
 * computed from. Answers of older readers are dropped whole when an answer for another reader is kept.
 */
final class ResultCache {

	/** What a search was made of; two searches equal in all of it give the same answer over the same reader. */
	record Key(String folded, Object asked, Object order, int page, int size, long minute) {
	}

	/**
	 * An answer kept, and the rendering of it last made (by one renderer: another renderer's replaces it); a
	 * rendering lives exactly as long as its answer.
	 */
	static final class Kept {

		private record Rendering(Class<?> by, Object value) {
		}

		final SearchResult answer;

		private final AtomicReference<@Nullable Rendering> rendering = new AtomicReference<>();

		Kept(SearchResult answer) {
			this.answer = answer;
		}

		/** What {@code render} makes of this answer, made once and then given again. */
		@SuppressWarnings("unchecked")
		<R> R rendered(Function<SearchResult, R> render) {
			Rendering r = rendering.get();
			if (r != null && r.by() == render.getClass()) {
				return (R) r.value();
			}
			R value = render.apply(answer);
			rendering.set(new Rendering(render.getClass(), value));
			return value;
		}
	}

	private final KeptPerReader<Key, Kept> kept;

	ResultCache(int max) {
		this.kept = new KeptPerReader<>(max);
	}

	/** The answer kept for this key over exactly this reader, if any. */
	@Nullable Kept get(IndexReader reader, Key key) {
		return kept.get(reader, key);
	}

	Kept put(IndexReader reader, Key key, SearchResult answer) {
		Kept k = new Kept(answer);
		kept.of(reader).put(key, k);
		return k;
	}
}
