package org.alliancehub.identity;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	@Test
	void fiveFailuresAreFreeThenTheAccountMustWaitAtThatAddress() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.attempt("secretariat", "10.0.0.1")).isEmpty();
		}
		assertThat(throttle.attempt("Secretariat", "10.0.0.1")).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 60L));
		assertThat(throttle.attempt("someone-else", "10.0.0.3")).isEmpty();
	}

	@Test
	void failuresAtOneAddressDoNotKeepTheOwnerOutAtAnother() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 20; i++) {
			throttle.attempt("admin", "203.0.113.66");
		}
		assertThat(throttle.attempt("admin", "198.51.100.7")).isEmpty();
	}

	@Test
	void oneAddressGuessingManyAccountsIsStoppedToo() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 30; i++) {
			assertThat(throttle.attempt("user" + i, "10.0.0.9")).isEmpty();
		}
		assertThat(throttle.attempt("fresh-user", "10.0.0.9")).isPresent();
		assertThat(throttle.attempt("fresh-user", "10.0.0.10")).isEmpty();
	}

	@Test
	void guessingOneAccountFromManyAddressesIsSlowedButTheOwnersAddressIsNot() {
		LoginThrottle throttle = new LoginThrottle();
		assertThat(throttle.attempt("admin", "192.0.2.1")).isEmpty();
		throttle.succeeded("admin", "192.0.2.1");
		for (int i = 0; i < 40; i++) {
			throttle.attempt("admin", "203.0.113." + i);
		}
		assertThat(throttle.attempt("admin", "203.0.113.200")).as("a new address waits a few seconds")
			.hasValueSatisfying(s -> assertThat(s).isBetween(1L, 10L));
		assertThat(throttle.attempt("admin", "192.0.2.1")).as("the owner's address").isEmpty();
	}

	@Test
	void othersFailingAtTheOwnersAddressDoNotKeepTheOwnerOut() {
		LoginThrottle throttle = new LoginThrottle();
		assertThat(throttle.attempt("owner", "10.3.3.3")).isEmpty();
		throttle.succeeded("owner", "10.3.3.3");
		for (int i = 0; i < 40; i++) {
			throttle.attempt("user" + i, "10.3.3.3");
		}
		assertThat(throttle.attempt("newcomer", "10.3.3.3")).as("the address is spent").isPresent();
		assertThat(throttle.attempt("owner", "10.3.3.3")).isEmpty();
		for (int i = 0; i < 4; i++) {
			throttle.attempt("owner", "10.3.3.3");
		}
		assertThat(throttle.attempt("owner", "10.3.3.3")).as("but not beyond its own budget").isPresent();
	}

	@Test
	void successesGiveTheirAttemptBack() {
		LoginThrottle throttle = new LoginThrottle();
		for (int i = 0; i < 50; i++) {
			assertThat(throttle.attempt("daily", "10.1.1.1")).isEmpty();
			throttle.succeeded("daily", "10.1.1.1");
		}
	}

	@Test
	void concurrentAttemptsCannotAllPass() throws Exception {
		LoginThrottle throttle = new LoginThrottle();
		AtomicInteger passed = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			for (int i = 0; i < 20; i++) {
				pool.submit(() -> {
					start.await();
					if (throttle.attempt("target", "10.2.2.2").isEmpty()) {
						passed.incrementAndGet();
					}
					return null;
				});
			}
			start.countDown();
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		assertThat(passed.get()).isEqualTo(5);
	}
}
