package org.alliancehub.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of hits with counts per facet (alliance, category, type) over all hits the viewer may see,
 * and a suggestion when the words look mistyped.
 */
public record SearchResult(List<Hit> items, long total, long tookMs, int page, int size,
		Map<String, List<FacetCount>> facets, @Nullable String suggestion) {

	/** A hit; the snippet is HTML-escaped text with the matched words in {@code <em>}. */
	public record Hit(DocumentType type, long id, String title, String alliance, String allianceName, String url,
			String snippet, @Nullable OffsetDateTime publishedAt, float score) {
	}

	public record FacetCount(String value, long count) {
	}

	public int pages() {
		return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
	}
}
