package org.alliancehub.certification.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.alliancehub.shared.TooManyRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The budget of public verifications per client address: a burst of {@code burst}, refilled at
 * {@code per-second} a second ({@code alliancehub.certification.public-reads-per-second}, 20 by default; 0 turns
 * the limit off, e.g. for a benchmark). An uploaded PDF costs ten reads. Beyond it, 429 with Retry-After.
 */
@Component
public class PublicReads {

	private final long perSecond;

	private final long burst;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build();

	public PublicReads(@Value("${alliancehub.certification.public-reads-per-second:20}") long perSecond,
			@Value("${alliancehub.certification.public-reads-burst:400}") long burst) {
		this.perSecond = perSecond;
		this.burst = Math.max(1, burst);
	}

	/** Takes {@code cost} reads from the address's budget, or throws TooManyRequests. */
	public void take(String address, int cost) {
		if (perSecond <= 0) {
			return;
		}
		Bucket b = buckets.get(address, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build());
		ConsumptionProbe p = b.tryConsumeAndReturnRemaining(cost);
		if (!p.isConsumed()) {
			throw new TooManyRequests(Math.max(1, (p.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
		}
	}
}
