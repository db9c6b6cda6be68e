package org.alliancehub.search;

/** Rebuilding the search index from the database, while search keeps answering from the old index. */
public interface SearchIndexing {

	/** Starts a rebuild unless one is running; answers the state right after. */
	Reindexing rebuild();

	Reindexing status();

	/** Number of documents in the index searches read now. */
	int documents();
}
