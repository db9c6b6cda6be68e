package org.alliancehub.transfer.web;

import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.shared.NotFound;
import org.alliancehub.transfer.MatchDigests;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The match digest's switch in the back office, and the unsubscribe link of the mail: a page with one button, and
 * the one-click POST that mail programs send ({@code List-Unsubscribe-Post}, RFC 8058) without a session; the
 * signed token in the path is the whole authority, so neither needs a sign-in or a CSRF token.
 */
@Controller
class MatchDigestPages {

	private final MatchDigests digests;

	private final Access access;

	MatchDigestPages(MatchDigests digests, Access access) {
		this.digests = digests;
		this.access = access;
	}

	@GetMapping("/admin/match-digest")
	@PreAuthorize("isAuthenticated()")
	String settings(@RequestParam(required = false) String saved, Model model) {
		var me = access.requireUser();
		model.addAttribute("saved", saved != null);
		model.addAttribute("enabled", digests.enabled(me.id()));
		model.addAttribute("representative", me.has(Role.MEMBER_REP));
		return "transfer/digest-settings";
	}

	@PostMapping("/admin/match-digest")
	@PreAuthorize("isAuthenticated()")
	String change(@RequestParam boolean enabled) {
		digests.switchTo(access.requireUser().id(), enabled);
		return "redirect:/admin/match-digest?saved";
	}

	@GetMapping("/match-digest/unsubscribe/{token}")
	@PreAuthorize("permitAll()")
	String confirm(@PathVariable String token, Model model) {
		if (!digests.valid(token)) {
			throw new NotFound("unsubscribe link");
		}
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "transfer/unsubscribe";
	}

	@PostMapping("/match-digest/unsubscribe/{token}")
	@PreAuthorize("permitAll()")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!digests.unsubscribe(token)) {
			throw new NotFound("unsubscribe link");
		}
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "transfer/unsubscribe";
	}
}
