package org.alliancehub.transfer.internal;

import org.alliancehub.transfer.MatchDigests;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
	@SchedulerLock(name = "transfer.weekly-digest", lockAtMostFor = "PT1H")
	void weekly() {
		digests.run();
	}
}
