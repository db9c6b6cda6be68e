package org.alliancehub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the tests: the system clock, unless a test moves it on to a moment (a
 * deadline, say) with {@link #moveTo} and back with {@link #reset}. Time keeps running from there.
 * Registered by {@link IntegrationTest} only; production uses {@code Platform}'s system clock.
 */
@Primary
public class TestClock extends Clock {

	private final Clock system = Clock.systemDefaultZone();

	private volatile Duration offset = Duration.ZERO;

	/** From now on the clock reads {@code moment}, and runs on from it. */
	public void moveTo(Instant moment) {
		offset = Duration.between(system.instant(), moment);
	}

	/** Back to the system's time. */
	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(system.withZone(zone), offset);
	}

	@Override
	public Instant instant() {
		return system.instant().plus(offset);
	}
}
