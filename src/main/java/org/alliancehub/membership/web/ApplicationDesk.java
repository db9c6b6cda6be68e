package org.alliancehub.membership.web;

import org.alliancehub.membership.Application;
import org.alliancehub.membership.Applications;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.NotFound;
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

/**
 * An application to join, decided by the alliance's secretariat in the back office
 * (/admin/a/{slug}/applications/{id}): approved, which creates the membership, or rejected with a reason. The
 * same rules as the API ({@link Applications#decide}); an application put to a vote is decided by the vote.
 */
@Controller
class ApplicationDesk {

	static final int REASON_MAX = 2000;

	private final Applications applications;

	ApplicationDesk(Applications applications) {
		this.applications = applications;
	}

	/** The application, if it belongs to the alliance whose back office asks for it; 404 otherwise. */
	private Application of(Site site, long id) {
		Application a = applications.get(id);
		if (a.allianceId() != site.id()) {
			throw new NotFound("application " + id);
		}
		return a;
	}

	@GetMapping("/admin/a/{slug}/applications/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('application', #id)")
	String application(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String error,
			Model model) {
		model.addAttribute("application", of(site, id));
		model.addAttribute("error", error);
		return "membership/admin-application";
	}

	@PostMapping("/admin/a/{slug}/applications/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('application', #id)")
	String decide(Site site, @PathVariable long id, @RequestParam String decision,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		Application a = of(site, id);
		String back = "redirect:/admin/a/" + site.slug() + "/applications/" + id;
		boolean approve = "approve".equals(decision);
		if (!approve && !"reject".equals(decision)) {
			redirect.addAttribute("error", "decision");
			return back;
		}
		if (!approve && reason.isBlank()) {
			redirect.addAttribute("error", "reason");
			return back;
		}
		if (reason.length() > REASON_MAX) {
			redirect.addAttribute("error", "reasonTooLong");
			return back;
		}
		if (a.status() == Application.Status.REFERRED) {
			redirect.addAttribute("error", "referred");
			return back;
		}
		try {
			applications.decide(id, approve, reason);
		}
		catch (Conflict e) {
			redirect.addAttribute("error", "decided");
		}
		return back;
	}
}
