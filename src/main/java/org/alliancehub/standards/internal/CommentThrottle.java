package org.alliancehub.standards.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.alliancehub.shared.TooManyRequests;
import org.springframework.stereotype.Component;

/**
 * Public comments come from anyone, signed in or not: each address has a budget of
 * {@code alliancehub.standards.comments-per-hour} comments at once, then gets one more as the hour runs on
 * (the sign-in throttle's buckets, per address). Over budget answers 429 with the seconds to wait.
 */
@Component
public class CommentThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(2))
		.maximumSize(200_000)
		.build();

	private final int perHour;

	CommentThrottle(StandardsSettings settings) {
		this.perHour = Math.max(1, settings.commentsPerHour());
	}

	/** Takes one comment from the address's budget, or throws {@link TooManyRequests}. */
	public void take(String address) {
		Bucket bucket = buckets.get(address, a -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequests(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
		}
	}
}
