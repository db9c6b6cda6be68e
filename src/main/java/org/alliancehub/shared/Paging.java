package org.alliancehub.shared;

/** Page number and size as asked, clamped to what the API allows (size 1..100). */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 100;

	public Paging {
		if (page < 0) {
			throw Invalid.field("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw Invalid.field("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static Paging of(Integer page, Integer size) {
		return new Paging(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
