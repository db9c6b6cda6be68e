package org.alliancehub.transfer.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up runs in the background and only logs a failure; these check that it really works (a broken
 * warm-up would silently bring the cost back into the demo fill's first demand).
 */
class MatchIndexWarmUpTests {

	@Test
	void theWarmUpIndexesRefreshesAndSearchesAThrowawayIndexWithoutFailing() {
		assertThatCode(MatchIndex::warmUp).doesNotThrowAnyException();
	}
}
