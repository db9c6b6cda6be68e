package org.alliancehub.transfer.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.transfer.AchievementView;
import org.alliancehub.transfer.DemandProjects;
import org.alliancehub.transfer.DemandView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.TechnologyTransfer;
import org.alliancehub.web.Site;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions of the demand and achievement pages: express interest in a match, decide it (the other side),
 * record the transfer of an accepted match (either side), and start a project from a demand (whoever manages
 * the demand). Each posts to the same service the API uses and comes back to the page with a notice, the wrong
 * fields named.
 */
@Controller
class InterestForms {

	private final TechnologyTransfer transfer;

	private final Interests interests;

	private final DemandProjects demandProjects;

	private final MessageSource messages;

	InterestForms(TechnologyTransfer transfer, Interests interests, DemandProjects demandProjects,
			MessageSource messages) {
		this.transfer = transfer;
		this.interests = interests;
		this.demandProjects = demandProjects;
		this.messages = messages;
	}

	@PostMapping("/a/{slug}/demands/{id}/interest")
	@PreAuthorize("@access.canRead('demand', #id)")
	String interestInAchievement(Site site, @PathVariable long id, @RequestParam long achievementId,
			RedirectAttributes redirect) {
		DemandView d = transfer.demand(id);
		return answer(redirect, "/a/" + site.slug() + "/demands/" + id, "transfer.interestSent",
				() -> interests.express(new Interests.NewInterest(id, achievementId, d.organizationId())));
	}

	@PostMapping("/a/{slug}/achievements/{id}/interest")
	@PreAuthorize("@access.canRead('achievement', #id)")
	String interestInDemand(Site site, @PathVariable long id, @RequestParam long demandId, RedirectAttributes redirect) {
		AchievementView a = transfer.achievement(id);
		return answer(redirect, "/a/" + site.slug() + "/achievements/" + id, "transfer.interestSent",
				() -> interests.express(new Interests.NewInterest(demandId, id, a.organizationId())));
	}

	@PostMapping("/a/{slug}/interests/{id}/decision")
	@PreAuthorize("@access.canRead('interest', #id)")
	String decide(Site site, @PathVariable long id, @RequestParam String decision,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		long demandId = interests.get(id).demandId();
		return answer(redirect, "/a/" + site.slug() + "/demands/" + demandId, "transfer.decisionSent",
				() -> interests.decide(id, new Interests.DecisionInput(decision, "ACCEPT".equals(decision) ? null : reason)));
	}

	@PostMapping("/a/{slug}/interests/{id}/transfer")
	@PreAuthorize("@access.canRead('interest', #id)")
	String recordTransfer(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String contractType,
			@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String date,
			RedirectAttributes redirect) {
		long demandId = interests.get(id).demandId();
		return answer(redirect, "/a/" + site.slug() + "/demands/" + demandId, "transfer.transferSaved", () -> {
			List<Invalid.FieldError> found = new ArrayList<>();
			BigDecimal sum = null;
			try {
				sum = amount.isBlank() ? null : new BigDecimal(amount.strip());
			}
			catch (NumberFormatException e) {
				found.add(new Invalid.FieldError("amount", "a number"));
			}
			return interests.recordTransfer(id, new Interests.NewTransfer(contractType, sum, date), found);
		});
	}

	@PostMapping("/a/{slug}/demands/{id}/project")
	@PreAuthorize("@access.canManage('demand', #id)")
	String startProject(Site site, @PathVariable long id, RedirectAttributes redirect) {
		return answer(redirect, "/a/" + site.slug() + "/demands/" + id, "transfer.projectStarted",
				() -> demandProjects.start(id));
	}

	private String answer(RedirectAttributes redirect, String to, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addAttribute("message", messages.getMessage(done, null, LocaleContextHolder.getLocale()));
		}
		catch (Invalid e) {
			redirect.addAttribute("message", String.join("; ",
					e.errors().stream().map(f -> f.field() + ": " + f.message()).toList()));
		}
		catch (Conflict | Forbidden e) {
			redirect.addAttribute("message", e.getMessage());
		}
		return "redirect:" + to;
	}
}
