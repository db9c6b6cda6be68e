package org.alliancehub.search.internal;

/** Drops a document from the index behind the indexer's back, to show that a rebuild brings it back. */
public final class IndexHoles {

	private IndexHoles() {
	}

	public static void forget(SearchIndex index, String key) {
		index.write(key, null);
	}
}
