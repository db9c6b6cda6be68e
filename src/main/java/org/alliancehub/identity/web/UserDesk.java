package org.alliancehub.identity.web;

import java.util.List;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.Users;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Paging;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The network administrator's users screen in the back office (/admin/users). */
@Controller
class UserDesk {

	private final Access access;

	private final Users users;

	UserDesk(Access access, Users users) {
		this.access = access;
		this.users = users;
	}

	@GetMapping("/admin/users")
	@PreAuthorize("@access.isNetworkAdmin()")
	String usersPage(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("users", users.list(new Paging(0, 100)).items());
		model.addAttribute("alliances", access.managedAlliances().stream().map(Site::of).toList());
		model.addAttribute("me", access.requireUser().id());
		model.addAttribute("error", error);
		return "identity/admin-users";
	}

	/**
	 * Disables a user (sign-in refused, every session and token ended at once) or enables them again; nobody
	 * disables their own account.
	 */
	@PostMapping("/admin/users/{id}/enabled")
	@PreAuthorize("@access.isNetworkAdmin()")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			users.setEnabled(id, enabled, access.requireUser());
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users")
	@PreAuthorize("@access.isNetworkAdmin()")
	String createUser(@RequestParam String username, @RequestParam String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam String password,
			@RequestParam org.alliancehub.identity.Role role, @RequestParam(defaultValue = "") String alliance,
			@RequestParam(required = false) @Nullable Long organizationId, RedirectAttributes redirect) {
		try {
			if (!username.matches("[A-Za-z0-9._-]{3,40}") || password.length() < 10 || displayName.isBlank()) {
				throw Invalid.field("username", "3-40 letters or digits; password at least 10 characters");
			}
			users.create(new org.alliancehub.identity.NewUser(username, displayName, email.isBlank() ? null : email,
					password, List.of(new org.alliancehub.identity.NewUser.RoleInput(role,
							alliance.isBlank() ? null : alliance, organizationId))),
					access.requireUser());
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/users";
	}
}
