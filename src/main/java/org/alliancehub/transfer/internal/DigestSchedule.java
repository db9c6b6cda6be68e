package org.alliancehub.transfer.internal;

import org.alliancehub.transfer.MatchDigests;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the week's match digests, by default on Monday at 08:00 China time
 * ({@code alliancehub.transfer.digest-cron}; {@code -} turns it off). Every node may run it: each digest is claimed
 * in the database before it is sent.
 */
@Component
class DigestSchedule {

	private final MatchDigests digests;

	DigestSchedule(MatchDigests digests) {
		this.digests = digests;
	}

	@Scheduled(cron = "${alliancehub.transfer.digest-cron:0 0 8 * * MON}", zone = "Asia/Shanghai")
	void weekly() {
		digests.run();
	}
}
