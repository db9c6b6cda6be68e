package org.alliancehub.identity;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down, then refuses, repeated failed sign-ins, per account and per client address: five failures
 * per account (thirty per address) are free, then one more attempt is allowed per minute; a success does not reset the count (an attacker
 * who guesses right once should not earn a new budget for other accounts from the same address).
 */
@Component
public class LoginThrottle {

	static final int FREE_FAILURES = 5;

	/** Many people may sit behind one address (an office, a campus), so it gets a larger budget. */
	static final int FREE_FAILURES_PER_ADDRESS = 30;

	static final Duration REFILL = Duration.ofMinutes(1);

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** Seconds to wait before another attempt is allowed, if any. */
	public Optional<Long> retryAfter(String username, String address) {
		long wait = Math.max(waitFor("u:" + username.toLowerCase()), waitFor("a:" + address));
		return wait > 0 ? Optional.of(wait) : Optional.empty();
	}

	public void failed(String username, String address) {
		bucket("u:" + username.toLowerCase(), FREE_FAILURES).tryConsume(1);
		bucket("a:" + address, FREE_FAILURES_PER_ADDRESS).tryConsume(1);
	}

	private long waitFor(String key) {
		Bucket b = buckets.get(key);
		if (b == null || b.getAvailableTokens() > 0) {
			return 0;
		}
		long nanos = b.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, REFILL).build())
			.build());
	}

	@Scheduled(fixedDelay = 600_000)
	void forgetRecovered() {
		buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= (e.getKey().startsWith("a:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES));
	}
}
