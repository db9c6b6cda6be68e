package org.alliancehub.governance.web;

import org.alliancehub.governance.internal.Motions;
import java.util.List;

import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.MotionLine;
import org.alliancehub.governance.internal.MotionView;
import org.alliancehub.identity.Access;
import org.alliancehub.web.Sites;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.NotFound;
import org.alliancehub.governance.internal.Invitations;
import org.alliancehub.governance.internal.Proxies;
import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.shared.Invalid;
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
 * The live meeting page: attendance and quorum, the motions with the votes cast so far and each result
 * as soon as it closes, refreshed every two seconds (htmx); representatives vote here, the secretariat
 * checks participants in and opens and closes the votes.
 */
@Controller
class MeetingPages {

	private final Meetings meetings;

	private final Motions motions;

	private final Ballots ballots;

	private final Access access;

	private final Sites sites;

	private final Proxies proxies;

	private final Invitations invitations;

	MeetingPages(Meetings meetings, Ballots ballots, Access access, Sites sites, Proxies proxies,
			Invitations invitations, Motions motions) {
		this.motions = motions;
		this.proxies = proxies;
		this.invitations = invitations;
		this.meetings = meetings;
		this.ballots = ballots;
		this.access = access;
		this.sites = sites;
	}

	@GetMapping("/meetings/{id}")
	@PreAuthorize("@access.canRead('meeting', #id)")
	String page(@PathVariable long id, Model model) {
		MeetingView m = meetings.get(id);
		// the meeting is addressed by id: its page wears its own alliance's frame
		model.addAttribute("frame", sites.frame(sites.site(m.alliance())));
		// a receipt or a refusal comes from the vote just cast, as a flash attribute (never in the URL)
		for (String flash : List.of("receipt", "refused")) {
			if (!model.containsAttribute(flash)) {
				model.addAttribute(flash, null);
			}
		}
		live(m, model);
		return "governance/meeting";
	}

	@GetMapping("/meetings/{id}/live")
	@PreAuthorize("@access.canRead('meeting', #id)")
	String fragment(@PathVariable long id, Model model) {
		live(meetings.get(id), model);
		return "governance/live";
	}

	/**
	 * Casts a vote from the live page. The receipt goes back as a flash attribute, kept in the session for
	 * the one page that follows: never in the redirect's URL, where proxies, logs and the browser's history
	 * would keep it.
	 */
	@PostMapping("/meetings/{id}/motions/{motion}/vote")
	@PreAuthorize("isAuthenticated() and @access.canRead('meeting', #id)")
	String vote(@PathVariable long id, @PathVariable long motion, @RequestParam Choice choice,
			@RequestParam(required = false) @Nullable Long organizationId, RedirectAttributes redirect) {
		motionOf(id, motion);
		try {
			redirect.addFlashAttribute("receipt", ballots.cast(motion, choice, organizationId).receipt());
		}
		catch (Conflict | Forbidden | Invalid e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/motions/{motion}/{action:open|close}")
	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	String openOrClose(@PathVariable long id, @PathVariable long motion, @PathVariable String action) {
		motionOf(id, motion);
		if (action.equals("open")) {
			ballots.open(motion);
		}
		else {
			ballots.close(motion);
		}
		return "redirect:/meetings/" + id;
	}

	/** A representative answers the invitation for its organisation: it will attend, or it declines. */
	@PostMapping("/meetings/{id}/replies")
	@PreAuthorize("isAuthenticated() and @access.canRead('meeting', #id)")
	String reply(@PathVariable long id, @RequestParam long organizationId, @RequestParam boolean attending) {
		invitations.reply(id, organizationId, attending);
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/attendance")
	@PreAuthorize("isAuthenticated() and @access.canRead('meeting', #id)")
	String checkIn(@PathVariable long id, @RequestParam long organizationId, @RequestParam boolean present) {
		meetings.attendance(id, organizationId, present);
		return "redirect:/meetings/" + id;
	}

	private void live(MeetingView m, Model model) {
		List<MotionLine> lines = motions.motions(m.id())
			.stream()
			.map(x -> new MotionLine(x, ballots.result(x.id())))
			.toList();
		model.addAttribute("meeting", m);
		model.addAttribute("motions", lines);
		model.addAttribute("manager", manages(m));
		model.addAttribute("seats", seats(m));
		model.addAttribute("mine", java.util.Set.copyOf(access.organizationsActedFor()));
	}

	/**
	 * The organisations whose vote the signed-in representative casts at this meeting: its own voting ones,
	 * and those that gave their vote to one of them by a written proxy.
	 */
	private List<MeetingView.Participant> seats(MeetingView m) {
		var mine = access.organizationsActedFor();
		var grantors = proxies.heldBy(m.id(), mine).stream().map(Proxies.Proxy::fromOrganizationId).toList();
		return m.participants()
			.stream()
			.filter(p -> p.role() == AttendanceRole.VOTING)
			.filter(p -> mine.contains(p.organizationId()) || grantors.contains(p.organizationId()))
			.toList();
	}

	private boolean manages(MeetingView m) {
		return access.managedAlliances().stream().anyMatch(a -> a.slug().equals(m.alliance()));
	}

	/** A motion addressed under another meeting (or a correspondence vote, which has none) does not exist there. */
	private void motionOf(long meetingId, long motion) {
		if (!java.util.Objects.equals(motions.motion(motion).meetingId(), meetingId)) {
			throw new NotFound("motion " + motion);
		}
	}
}
