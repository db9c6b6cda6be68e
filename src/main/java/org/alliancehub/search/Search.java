package org.alliancehub.search;

import java.util.function.Function;

/** Full-text search over what the current viewer may read. */
public interface Search {

	SearchResult search(SearchQuery query);

	/**
	 * The answer as {@code render} makes it (the API's JSON), with the time this search took. What it renders is kept
	 * with the answer as long as the answer is kept (the same question, filters, page and synonyms, a viewer who may
	 * read the same, over the same index reader), so a question asked again is not rendered again: {@code render}
	 * must make its rendering of the answer alone and leave out {@link SearchResult#tookMs()} (the time of the search
	 * that first found it), which {@link Rendered#tookMs()} gives for this search.
	 */
	<R> Rendered<R> search(SearchQuery query, Function<SearchResult, R> render);

	/** An answer as rendered, and the milliseconds this search took. */
	record Rendered<R>(R rendering, long tookMs) {
	}
}
