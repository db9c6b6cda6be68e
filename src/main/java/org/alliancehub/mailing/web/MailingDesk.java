package org.alliancehub.mailing.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.alliancehub.content.Bulletins;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.mailing.Mailing;
import org.alliancehub.mailing.Mailings;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.NotFound;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back office's mailings (/admin/a/{slug}/mailings): mail an issue, watch its progress. */
@Controller
class MailingDesk {

	private final Mailings mailings;

	private final Bulletins bulletins;

	private final Access access;

	MailingDesk(Mailings mailings, Bulletins bulletins, Access access) {
		this.mailings = mailings;
		this.bulletins = bulletins;
		this.access = access;
	}

	@GetMapping("/admin/a/{slug}/mailings")
	@PreAuthorize("@access.canManage(#site.id())")
	String mailings(Site site, @RequestParam(required = false) @Nullable String error, Model model) {
		var list = mailings.ofAlliance(site.id());
		Set<Long> mailed = list.stream().map(Mailing::briefingId).collect(Collectors.toSet());
		model.addAttribute("mailings", list);
		model.addAttribute("briefings", bulletins.briefings(site.id(), 200).stream()
			.filter(b -> !mailed.contains(b.id()))
			.toList());
		model.addAttribute("error", error);
		return "mailing/admin-mailings";
	}

	/** The progress fragment the mailings page polls while a mailing is under way. */
	@GetMapping("/admin/a/{slug}/mailings/progress")
	@PreAuthorize("@access.canManage(#site.id())")
	String progress(Site site, Model model) {
		model.addAttribute("mailings", mailings.ofAlliance(site.id()));
		return "mailing/progress";
	}

	@PostMapping("/admin/a/{slug}/mailings")
	@PreAuthorize("@access.canManage(#site.id())")
	String mail(Site site, @RequestParam long briefingId, RedirectAttributes redirect) {
		var briefing = bulletins.briefingById(briefingId).filter(b -> b.allianceId() == site.id())
			.orElseThrow(() -> new NotFound("briefing " + briefingId));
		try {
			mailings.create(briefing.id(), access.currentUser().map(AllianceUser::id).orElse(null));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", "mailed");
		}
		return "redirect:/admin/a/" + site.slug() + "/mailings";
	}
}
