package org.alliancehub.notification.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.alliancehub.identity.Access;
import org.alliancehub.notification.Notifications;
import org.alliancehub.notification.Notifications.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications page (the bell's), which marks them read once shown, and the settings of which kinds also
 * come by e-mail, at once or in the daily digest. Every signed-in user has their own.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;

	private final Access access;

	NotificationPages(Notifications notifications, Access access) {
		this.notifications = notifications;
		this.access = access;
	}

	@GetMapping("/admin/notifications")
	@PreAuthorize("isAuthenticated()")
	String page(Model model) {
		long me = access.requireUser().id();
		model.addAttribute("lines", notifications.list(me));
		// shown now: read from here on (the bell of the next page counts only what is new after this)
		notifications.markRead(me);
		return "notification/notifications";
	}

	@GetMapping("/admin/notifications/settings")
	@PreAuthorize("isAuthenticated()")
	String settings(@RequestParam(required = false) @Nullable String saved, Model model) {
		model.addAttribute("settings", notifications.settings(access.requireUser().id())
			.entrySet()
			.stream()
			.map(e -> new Notifications.Setting(e.getKey(), e.getValue() == Mode.IMMEDIATE, e.getValue() == Mode.DAILY))
			.toList());
		model.addAttribute("saved", saved != null);
		return "notification/settings";
	}

	@PostMapping("/admin/notifications/settings")
	@PreAuthorize("isAuthenticated()")
	String save(@RequestParam Map<String, String> form) {
		long me = access.requireUser().id();
		Map<String, Mode> modes = new LinkedHashMap<>();
		for (String kind : notifications.settings(me).keySet()) {
			String value = form.getOrDefault("mode-" + kind, "NONE");
			modes.put(kind, switch (value) {
				case "IMMEDIATE" -> Mode.IMMEDIATE;
				case "DAILY" -> Mode.DAILY;
				default -> Mode.NONE;
			});
		}
		notifications.configure(me, modes);
		return "redirect:/admin/notifications/settings?saved";
	}
}
