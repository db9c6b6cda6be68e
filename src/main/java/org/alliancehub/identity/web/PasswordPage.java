package org.alliancehub.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.LoginThrottle;
import org.alliancehub.identity.Users;
import org.alliancehub.shared.Invalid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user changes their own password; afterwards they sign in again, everywhere. */
@Controller
class PasswordPage {

	private final Users users;

	private final Access access;

	private final LoginThrottle throttle;

	PasswordPage(Users users, Access access, LoginThrottle throttle) {
		this.users = users;
		this.access = access;
		this.throttle = throttle;
	}

	@GetMapping("/admin/password")
	@PreAuthorize("isAuthenticated()")
	String form(Model model) {
		return show(model, null);
	}

	@PostMapping("/admin/password")
	@PreAuthorize("isAuthenticated()")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		AllianceUser me = access.requireUser();
		if (throttle.attempt(me.getUsername(), request.getRemoteAddr()).isPresent()) {
			response.setStatus(429);
			return show(model, "throttled");
		}
		try {
			users.changePassword(me, currentPassword, newPassword);
		}
		catch (Invalid e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(model, e.errors().get(0).field());
		}
		throttle.succeeded(me.getUsername(), request.getRemoteAddr());
		request.getSession().invalidate();
		return "redirect:/login?changed";
	}

	private String show(Model model, String error) {
		model.addAttribute("error", error);
		return "identity/password";
	}
}
