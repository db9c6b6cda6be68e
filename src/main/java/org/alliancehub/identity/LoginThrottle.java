package org.alliancehub.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed sign-ins without ever locking an account's owner out. Every attempt takes a
 * token from its budgets <em>before</em> the password is checked (so attempts made at the same moment cannot
 * all slip through), and a successful sign-in gives its tokens back (only failures count):
 * <ul>
 * <li>the account at one address: 5 attempts, then one a minute; this is what stops someone guessing;</li>
 * <li>one address over all accounts: 30 attempts, then one a minute (an office or a campus shares an address);</li>
 * <li>one account over all addresses: 20 attempts, then one every 10 seconds, so that guessing from many
 * addresses stays slow.</li>
 * </ul>
 * An account and address pair that signed in successfully in the last 30 days (the owner at their desk) is
 * held to its own budget only: nobody can keep the owner out by failing on purpose, elsewhere or from the
 * same office address.
 */
@Component
public class LoginThrottle {

	static final int PER_ACCOUNT_AND_ADDRESS = 5;

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 20;

	static final Duration REFILL = Duration.ofMinutes(1);

	static final Duration ACCOUNT_REFILL = Duration.ofSeconds(10);

	/** Unused budgets are full again long before this; forgetting them costs nothing. */
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	/** Account and address pairs that signed in successfully. */
	private final Cache<String, Boolean> known = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofDays(30))
		.maximumSize(100_000)
		.build();

	/**
	 * Takes one attempt from every budget that applies, all or none. Empty when the password may be checked
	 * now; otherwise the seconds to wait (nothing was taken).
	 */
	public Optional<Long> attempt(String username, String address) {
		List<Bucket> taken = new ArrayList<>(3);
		for (Bucket b : budgets(username, address)) {
			ConsumptionProbe probe = b.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				taken.forEach(t -> t.addTokens(1));
				long nanos = probe.getNanosToWaitForRefill();
				return Optional.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
			}
			taken.add(b);
		}
		return Optional.empty();
	}

	/** The password was right: the attempt is given back, and this address is the owner's from now on. */
	public void succeeded(String username, String address) {
		for (Bucket b : budgets(username, address)) {
			b.addTokens(1);
		}
		known.put(pair(username, address), Boolean.TRUE);
	}

	private List<Bucket> budgets(String username, String address) {
		String pair = pair(username, address);
		List<Bucket> budgets = new ArrayList<>(3);
		budgets.add(bucket(pair, PER_ACCOUNT_AND_ADDRESS, REFILL));
		if (known.getIfPresent(pair) == null) {
			budgets.add(bucket("a:" + address, PER_ADDRESS, REFILL));
			budgets.add(bucket("u:" + account(username), PER_ACCOUNT, ACCOUNT_REFILL));
		}
		return budgets;
	}

	private Bucket bucket(String key, int capacity, Duration refill) {
		return buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, refill).build())
			.build());
	}

	private static String pair(String username, String address) {
		return "p:" + account(username) + ' ' + address;
	}

	private static String account(String username) {
		String u = username.strip().toLowerCase(Locale.ROOT);
		return u.length() > 100 ? u.substring(0, 100) : u;
	}
}
