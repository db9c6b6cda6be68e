package org.alliancehub.search;

/** Full-text search over what the current viewer may read. */
public interface Search {

	SearchResult search(SearchQuery query);
}
