package org.alliancehub.admin;

import org.alliancehub.identity.Access;
import org.alliancehub.network.AlliancePatch;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.alliancehub.notification.Notifications;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's own screens: the dashboard, the network administrator's alliances and an alliance's profile.
 * They live here rather than in {@code network.web} because {@code network} sits below the web layer.
 */
@Controller
class NetworkDesk {

	private final Access access;

	private final Alliances alliances;

	private final Notifications notifications;

	NetworkDesk(Access access, Alliances alliances, Notifications notifications) {
		this.access = access;
		this.alliances = alliances;
		this.notifications = notifications;
	}

	@GetMapping("/admin/")
	@PreAuthorize("isAuthenticated()")
	String dashboard(Model model) {
		model.addAttribute("managed", access.managedAlliances().stream().map(Site::of).toList());
		model.addAttribute("admin", access.isNetworkAdmin());
		model.addAttribute("work", notifications.workbenchOfCurrentUser());
		return "admin/dashboard";
	}

	@GetMapping("/admin")
	@PreAuthorize("isAuthenticated()")
	String dashboardWithoutSlash() {
		return "redirect:/admin/";
	}

	@GetMapping("/admin/alliances")
	@PreAuthorize("@access.isNetworkAdmin()")
	String alliancesPage(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("alliances", alliances.list().stream().map(Site::of).toList());
		model.addAttribute("error", error);
		return "admin/alliances";
	}

	@PostMapping("/admin/alliances")
	@PreAuthorize("@access.isNetworkAdmin()")
	String createAlliance(@RequestParam String slug, @RequestParam String name,
			@RequestParam(defaultValue = "") String shortName, @RequestParam(defaultValue = "") String industry,
			RedirectAttributes redirect) {
		try {
			if (name.isBlank()) {
				throw Invalid.field("name", "required");
			}
			alliances.create(new NewAlliance(slug.strip(), name, shortName, industry, null, null, null, null, null));
			return "redirect:/admin/a/" + slug.strip() + "/profile";
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/alliances";
		}
	}

	@GetMapping("/admin/a/{slug}/profile")
	@PreAuthorize("@access.canManage(#site.id())")
	String profile(Site site, Model model) {
		return profileForm(null, model);
	}

	@PostMapping("/admin/a/{slug}/profile")
	@PreAuthorize("@access.canManage(#site.id())")
	String saveProfile(Site site, @RequestParam String name,
			@RequestParam(defaultValue = "") String shortName, @RequestParam(defaultValue = "") String industry,
			@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String about, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String fax, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String postcode,
			@RequestParam(defaultValue = "") String icp, @RequestParam long version, Model model) {
		try {
			if (!postcode.isBlank() && !postcode.strip().matches("\\d{6}")) {
				throw Invalid.field("postcode", "6 digits");
			}
			alliances.update(site.slug(), new AlliancePatch(name, shortName, industry, null, region, description, about,
					new NewAlliance.ContactInput(phone, fax, email, address, postcode), icp, version));
			return "redirect:/admin/a/" + site.slug() + "/profile?saved";
		}
		catch (Invalid | Conflict e) {
			return profileForm(e.getMessage(), model);
		}
	}

	private String profileForm(@Nullable String error, Model model) {
		model.addAttribute("error", error);
		return "admin/profile";
	}
}
