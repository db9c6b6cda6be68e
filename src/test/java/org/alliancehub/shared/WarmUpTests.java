package org.alliancehub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class WarmUpTests {

	@Test
	void theWorkRunsOnADaemonThreadOfItsOwnAndTheCallerDoesNotWait() throws InterruptedException {
		AtomicBoolean ran = new AtomicBoolean();
		Thread caller = Thread.currentThread();
		AtomicBoolean elsewhere = new AtomicBoolean();
		Thread t = WarmUp.inBackground("test", () -> {
			elsewhere.set(Thread.currentThread() != caller);
			ran.set(true);
		});
		assertThat(t.isDaemon()).isTrue();
		assertThat(t.getName()).isEqualTo("warm-up-test");
		t.join(10_000);
		assertThat(ran).isTrue();
		assertThat(elsewhere).isTrue();
	}

	@Test
	void aFailingWarmUpIsSwallowedAndItsThreadEnds() throws InterruptedException {
		java.util.concurrent.atomic.AtomicReference<Throwable> uncaught = new java.util.concurrent.atomic.AtomicReference<>();
		Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((th, e) -> uncaught.set(e));
		Thread t;
		try {
			t = WarmUp.inBackground("failing", () -> {
				throw new IllegalStateException("boom");
			});
			t.join(10_000);
		}
		finally {
			Thread.setDefaultUncaughtExceptionHandler(before);
		}
		assertThat(uncaught.get()).isNull();
		t.join(10_000);
		assertThat(t.isAlive()).isFalse();
	}

	@Test
	void theRegionsWarmUpLoadsTheSameTablesAsTheirFirstUse() {
		WarmUp.inBackground("regions", Regions::china);
		assertThat(Regions.china().find("130000")).isPresent();
	}
}
