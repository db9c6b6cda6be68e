package org.alliancehub.search.internal;

import org.slf4j.Logger;

/**
 * What the follower's rounds took: how many, how many keys they read, and the time spent loading the changed
 * documents, analysing and writing them, and refreshing the searchers, summed over a few seconds and logged at debug
 * level ({@code logging.level.org.alliancehub.search.internal.FeedFollower=debug}). Kept by the follower's thread only.
 */
final class RoundTimes {

	/** The time one batch's write took: analysing and adding its documents, then refreshing the searchers. */
	record Write(long writeNanos, long refreshNanos) {

		static final Write NONE = new Write(0, 0);
	}

	private long since = System.nanoTime();

	private long rounds;

	private long batches;

	private long keys;

	private long roundNanos;

	private long maxRoundNanos;

	private long loadNanos;

	private long writeNanos;

	private long refreshNanos;

	synchronized void applied(int keyCount, long load, Write write) {
		batches++;
		keys += keyCount;
		loadNanos += load;
		writeNanos += write.writeNanos();
		refreshNanos += write.refreshNanos();
	}

	synchronized void round(long nanos) {
		rounds++;
		roundNanos += nanos;
		maxRoundNanos = Math.max(maxRoundNanos, nanos);
	}

	/** Logs the sums since the last log if {@code everyMillis} have passed, and starts again. */
	synchronized void logEvery(Logger log, long everyMillis) {
		long now = System.nanoTime();
		if (now - since < everyMillis * 1_000_000) {
			return;
		}
		log.debug(
				"search feed: {} rounds in {} ms ({} ms busy, longest {} ms), {} batches of {} keys: load {} ms, analyse and write {} ms, refresh {} ms, rest (feed, gaps, position) {} ms",
				rounds, (now - since) / 1_000_000, roundNanos / 1_000_000, maxRoundNanos / 1_000_000, batches, keys,
				loadNanos / 1_000_000, writeNanos / 1_000_000, refreshNanos / 1_000_000,
				(roundNanos - loadNanos - writeNanos - refreshNanos) / 1_000_000);
		since = now;
		rounds = batches = keys = roundNanos = maxRoundNanos = loadNanos = writeNanos = refreshNanos = 0;
	}
}
