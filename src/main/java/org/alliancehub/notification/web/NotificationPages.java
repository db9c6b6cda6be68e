package org.alliancehub.notification.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.Users;
import org.alliancehub.notification.Notifications;
import org.alliancehub.notification.Notifications.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The notifications page (the bell's), which marks them read once shown, and the settings of which kinds also
 * come by e-mail, at once or in the daily digest. Every signed-in user has their own.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;

	private final Access access;

	private final Users users;

	private final LocaleResolver languages;

	NotificationPages(Notifications notifications, Access access, Users users, LocaleResolver languages) {
		this.notifications = notifications;
		this.access = access;
		this.users = users;
		this.languages = languages;
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
		long me = access.requireUser().id();
		// the language the e-mail is written in: the user's own choice, kept with the user
		model.addAttribute("language", users.language(me));
		model.addAttribute("settings", notifications.settings(me)
			.entrySet()
			.stream()
			.map(e -> new Notifications.Setting(e.getKey(), e.getValue() == Mode.IMMEDIATE, e.getValue() == Mode.DAILY))
			.toList());
		model.addAttribute("saved", saved != null);
		return "notification/settings";
	}

	@PostMapping("/admin/notifications/settings")
	@PreAuthorize("isAuthenticated()")
	String save(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response) {
		long me = access.requireUser().id();
		String language = form.get("language");
		if (language != null && Users.LANGUAGES.contains(language)) {
			// an explicit choice: the e-mail comes in it, and the pages follow (the language cookie)
			users.chooseLanguage(me, language);
			languages.setLocale(request, response, java.util.Locale.forLanguageTag(language));
		}
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
