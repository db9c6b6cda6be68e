package org.alliancehub.shared;

/** The caller must wait before trying again (sign-in throttling, rate limits). */
public class TooManyRequests extends RuntimeException {

	private final long retryAfterSeconds;

	public TooManyRequests(long retryAfterSeconds) {
		super("too many attempts; try again in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
