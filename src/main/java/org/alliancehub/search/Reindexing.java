package org.alliancehub.search;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** Where a rebuild of the search index stands, for the progress bar. */
public record Reindexing(State state, long done, long total, @Nullable OffsetDateTime startedAt,
		@Nullable OffsetDateTime finishedAt, @Nullable String error) {

	public enum State {
		IDLE, RUNNING, DONE, FAILED
	}

	public int percent() {
		if (state == State.DONE) {
			return 100;
		}
		return total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
	}
}
