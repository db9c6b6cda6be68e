package org.alliancehub.search;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search as a person or client asks it. {@code q} may hold words, "quoted phrases", and {@code -word}
 * to exclude; everything else is a filter.
 */
public record SearchQuery(String q, @Nullable String alliance, @Nullable String category,
		@Nullable DocumentType type, @Nullable LocalDate from, @Nullable LocalDate to, Order order, int page,
		int size) {

	public static final int MAX_LENGTH = 200;

	public enum Order {
		RELEVANCE, DATE
	}

	/** Whether the query is narrowed to the type a facet names: the results page marks that facet. */
	public boolean narrowedTo(String facetValue) {
		return type != null && type.name().equals(facetValue);
	}
}
