package org.alliancehub.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	@Test
	void fiveFailuresAreFreeThenTheAccountMustWait() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.retryAfter("secretariat", "10.0.0.1")).isEmpty();
			throttle.failed("secretariat", "10.0.0.1");
		}
		assertThat(throttle.retryAfter("Secretariat", "10.0.0.2")).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 60L));
		assertThat(throttle.retryAfter("someone-else", "10.0.0.3")).isEmpty();
	}

	@Test
	void oneAddressGuessingManyAccountsIsStoppedToo() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 30; i++) {
			throttle.failed("user" + i, "10.0.0.9");
		}
		assertThat(throttle.retryAfter("fresh-user", "10.0.0.9")).isPresent();
		assertThat(throttle.retryAfter("fresh-user", "10.0.0.10")).isEmpty();
	}
}
