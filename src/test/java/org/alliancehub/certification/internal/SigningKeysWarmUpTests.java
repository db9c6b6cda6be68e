package org.alliancehub.certification.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The warm-up signs and checks with a throwaway key (it throws when the check fails); a failure there is only logged. */
class SigningKeysWarmUpTests {

	@Test
	void theWarmUpMakesSignsAndChecksWithAThrowawayKeyWithoutFailing() {
		assertThatCode(SigningKeys::warmUp).doesNotThrowAnyException();
	}
}
