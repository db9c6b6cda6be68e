package org.alliancehub.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.jspecify.annotations.Nullable;

/**
 * What was worked out over exactly one index reader, at most {@code max} entries: asked for another reader, the map
 * starts afresh (the old reader's entries are dropped whole), so nothing kept outlives the index it was worked out
 * from; at the limit all is dropped and kept again from what is asked now. The kept answers ({@link ResultCache}) and
 * the terms' statistics ({@link SharedTermStates.OfReader}) are kept so.
 */
class KeptPerReader<K, V> {

	private record Held<K, V>(IndexReader reader, Map<K, V> map) {
	}

	private final int max;

	private volatile @Nullable Held<K, V> held;

	KeptPerReader(int max) {
		this.max = max;
	}

	/** What is kept under this key over exactly this reader, if anything. */
	@Nullable V get(IndexReader reader, K key) {
		Held<K, V> h = held;
		return h != null && h.reader() == reader ? h.map().get(key) : null;
	}

	/** The entries kept over this reader, to read and add to: empty for a reader not seen before. */
	Map<K, V> of(IndexReader reader) {
		Held<K, V> h = held;
		if (h == null || h.reader() != reader) {
			h = new Held<>(reader, new ConcurrentHashMap<>());
			held = h;
		}
		if (h.map().size() >= max) {
			h.map().clear();
		}
		return h.map();
	}
}
