package org.alliancehub.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.alliancehub.identity.Access;
import org.alliancehub.membership.Admissions;
import org.alliancehub.membership.Invitation;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
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
 * Invitations to join an alliance, answered in the back office by the organisation invited: a representative
 * sees those its organisation(s) received and accepts or declines them; the network administrator sees every
 * pending one and may answer on an organisation's behalf. The forms call {@link Admissions}, as the API does.
 */
@Controller
class InvitationPages {

	private final Access access;

	private final Admissions admissions;

	private final Alliances alliances;

	InvitationPages(Access access, Admissions admissions, Alliances alliances) {
		this.access = access;
		this.admissions = admissions;
		this.alliances = alliances;
	}

	/** Lists only what the caller acts for (every pending invitation for the administrator): nobody else's. */
	@GetMapping("/admin/invitations")
	@PreAuthorize("isAuthenticated()")
	String list(@RequestParam(required = false) @Nullable String done,
			@RequestParam(required = false) @Nullable String error, Model model) {
		Map<Long, Alliance> byId = new java.util.HashMap<>();
		alliances.all().forEach(a -> byId.put(a.id(), a));
		List<Invitation> found = new ArrayList<>();
		boolean admin = access.isNetworkAdmin();
		if (admin) {
			for (Alliance a : byId.values()) {
				admissions.sentBy(a.id())
					.stream()
					.filter(i -> i.status() == Invitation.Status.PENDING)
					.forEach(found::add);
			}
		}
		else {
			for (long organization : access.organizationsActedFor()) {
				found.addAll(admissions.of(organization));
			}
		}
		List<InvitationLine> lines = found.stream()
			.sorted(Comparator.comparing((Invitation i) -> i.status() != Invitation.Status.PENDING)
				.thenComparing(Invitation::id, Comparator.reverseOrder()))
			.map(i -> new InvitationLine(i, byId.containsKey(i.allianceId()) ? byId.get(i.allianceId()).name() : i.alliance()))
			.toList();
		model.addAttribute("invitations", lines);
		model.addAttribute("admin", admin);
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "admin/invitations";
	}

	/**
	 * The organisation answers. Whoever may not act for it is refused (403); an invitation addressed to another
	 * organisation does not exist under this one (404).
	 */
	@PostMapping("/admin/organizations/{id}/invitations/{invitationId}/{answer:accept|decline}")
	@PreAuthorize("@access.canActFor(#id)")
	String answer(@PathVariable long id, @PathVariable long invitationId, @PathVariable String answer,
			RedirectAttributes redirect) {
		try {
			if (answer.equals("accept")) {
				admissions.accept(id, invitationId);
				redirect.addAttribute("done", "accepted");
			}
			else {
				admissions.decline(id, invitationId);
				redirect.addAttribute("done", "declined");
			}
		}
		catch (Conflict e) {
			redirect.addAttribute("error", "answered");
		}
		return "redirect:/admin/invitations";
	}
}
