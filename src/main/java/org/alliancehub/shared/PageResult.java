package org.alliancehub.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API returns it: {@code {"items", "page", "size", "total"}}. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public <R> PageResult<R> map(Function<T, R> f) {
		return new PageResult<>(items.stream().map(f).toList(), page, size, total);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}
}
