package org.alliancehub.governance.web;

import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.internal.Correspondence;
import org.alliancehub.governance.CorrespondenceBallot;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.web.Sites;
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
 * The ballot page of a correspondence vote (通讯表决), where a representative of one of its voters reads the
 * motion and casts its organisation's vote, the workbench's link for a vote waiting. The vote is cast by the same
 * call as the API's ({@link Ballots#cast}), so its rules (once per organisation, until the deadline, a secret ballot
 * keeping who voted apart from what was chosen) are those of every vote. Anyone but such a representative finds
 * nothing here (404), the alliance's secretariat too: it follows the vote in the back office.
 */
@Controller
class BallotPages {

	private final Correspondence correspondence;

	private final Ballots ballots;

	private final Sites sites;

	BallotPages(Correspondence correspondence, Ballots ballots, Sites sites) {
		this.correspondence = correspondence;
		this.ballots = ballots;
		this.sites = sites;
	}

	@GetMapping("/motions/{id}/ballot")
	@PreAuthorize("@access.canRead('motion', #id)")
	String page(@PathVariable long id, Model model) {
		CorrespondenceBallot ballot = correspondence.ballot(id);
		model.addAttribute("frame", sites.frameOf(ballot.allianceId()));
		// the receipt or the refusal of the vote just cast comes as a flash attribute (never in the URL)
		for (String flash : List.of("receipt", "refused")) {
			if (!model.containsAttribute(flash)) {
				model.addAttribute(flash, null);
			}
		}
		model.addAttribute("ballot", ballot);
		return "governance/ballot";
	}

	@PostMapping("/motions/{id}/ballot")
	@PreAuthorize("isAuthenticated() and @access.canRead('motion', #id)")
	String vote(@PathVariable long id, @RequestParam Choice choice,
			@RequestParam(required = false) @Nullable Long organizationId, RedirectAttributes redirect) {
		correspondence.ballot(id);
		try {
			redirect.addFlashAttribute("receipt", ballots.cast(id, choice, organizationId).receipt());
		}
		catch (Conflict e) {
			CorrespondenceBallot now = correspondence.ballot(id);
			redirect.addFlashAttribute("refused", !now.open() ? "ballot.refused.closed"
					: now.voted(organizationId) ? "ballot.refused.voted" : "ballot.refused");
		}
		catch (Forbidden e) {
			redirect.addFlashAttribute("refused", "ballot.refused.notVoter");
		}
		catch (Invalid e) {
			redirect.addFlashAttribute("refused", "ballot.refused.chooseOrganization");
		}
		return "redirect:/motions/" + id + "/ballot";
	}
}
