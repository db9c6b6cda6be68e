package org.alliancehub.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the notifications are worked out and mailed: the sweep every ten minutes, the digest once a day (China
 * time); {@code -} turns either off.
 */
@Component
class NotificationSchedule {

	private final Notifications notifications;

	NotificationSchedule(Notifications notifications) {
		this.notifications = notifications;
	}

	@Scheduled(cron = "${alliancehub.notification.sweep-cron:0 */10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notification.sweep", lockAtMostFor = "PT9M")
	void sweep() {
		notifications.sweep();
	}

	@Scheduled(cron = "${alliancehub.notification.digest-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notification.digest", lockAtMostFor = "PT1H")
	void digest() {
		notifications.digest();
	}
}
