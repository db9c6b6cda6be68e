package org.alliancehub.notification.web;

import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.notification.Notifications;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The bell: the notifications, with the count of unread ones, first among everyone's general entries. */
@Component
class NotificationBackOffice implements BackOfficeEntries {

	private final Access access;

	private final Notifications notifications;

	NotificationBackOffice(Access access, Notifications notifications) {
		this.access = access;
		this.notifications = notifications;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		if (alliance != null) {
			return List.of();
		}
		return access.currentUser()
			.map(u -> List.of(new BackOfficeEntry("notification.bell", "/admin/notifications", 1, "nav-bell", false,
					notifications.unread(u.id()))))
			.orElse(List.of());
	}
}
