package org.alliancehub.transfer.web;

import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.shared.Paging;
import org.alliancehub.transfer.AchievementView;
import org.alliancehub.transfer.DemandView;
import org.alliancehub.transfer.InterestView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.TechnologyTransfer;
import org.alliancehub.web.Related;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registers of demands and achievements on an alliance's site and the network's (every alliance's), and the
 * page of a demand or achievement with its computed matches and their reasons, the form a representative of its
 * organisation uses to express interest, the interests its organisations take part in with the decision and
 * transfer forms, and the related box (the chain 需求 → 项目 → 成果 → 转化); the page of a recorded transfer. An
 * object shown on another alliance's site is sent to its own.
 */
@Controller
class TransferPages {

	private static final int PAGE_SIZE = 20;

	private static final int MATCHES = 10;

	private final TechnologyTransfer transfer;

	private final Interests interests;

	private final Access access;

	private final Related related;

	TransferPages(TechnologyTransfer transfer, Interests interests, Access access, Related related) {
		this.transfer = transfer;
		this.interests = interests;
		this.access = access;
		this.related = related;
	}

	@GetMapping("/a/{slug}/demands")
	@PreAuthorize("permitAll()")
	String demands(Site site, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", transfer.demands(site.slug(), new Paging(Math.max(0, page), PAGE_SIZE)));
		return "transfer/demands";
	}

	@GetMapping("/a/{slug}/achievements")
	@PreAuthorize("permitAll()")
	String achievements(Site site, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", transfer.achievements(site.slug(), new Paging(Math.max(0, page), PAGE_SIZE)));
		return "transfer/achievements";
	}

	@GetMapping("/a/{slug}/demands/{id}")
	@PreAuthorize("@access.canRead('demand', #id)")
	String demand(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String message,
			Model model) {
		DemandView d = transfer.demand(id);
		if (!d.alliance().equals(site.slug())) {
			return "redirect:/a/" + d.alliance() + "/demands/" + id;
		}
		model.addAttribute("demand", d);
		model.addAttribute("matches", transfer.matchesForDemand(id, MATCHES));
		model.addAttribute("canExpress", access.canActFor(d.organizationId()));
		model.addAttribute("canStartProject", d.projectId() == null && access.canManage("demand", id));
		common("demand", id, message, model);
		return "transfer/demand";
	}

	@GetMapping("/a/{slug}/achievements/{id}")
	@PreAuthorize("@access.canRead('achievement', #id)")
	String achievement(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String message,
			Model model) {
		AchievementView a = transfer.achievement(id);
		if (!a.alliance().equals(site.slug())) {
			return "redirect:/a/" + a.alliance() + "/achievements/" + id;
		}
		model.addAttribute("achievement", a);
		model.addAttribute("matches", transfer.matchesForAchievement(id, MATCHES));
		model.addAttribute("canExpress", access.canActFor(a.organizationId()));
		common("achievement", id, message, model);
		return "transfer/achievement";
	}

	/** The link in the e-mails: a demand on its alliance's site. */
	@GetMapping("/demands/{id}")
	@PreAuthorize("@access.canRead('demand', #id)")
	String demandLink(@PathVariable long id) {
		return "redirect:/a/" + transfer.demand(id).alliance() + "/demands/" + id;
	}

	@GetMapping("/a/{slug}/transfers/{id}")
	@PreAuthorize("@access.canRead('transfer', #id)")
	String transfer(Site site, @PathVariable long id, Model model) {
		InterestView i = interests.get(interests.interestOfTransfer(id));
		DemandView d = transfer.demand(i.demandId());
		if (!d.alliance().equals(site.slug())) {
			return "redirect:/a/" + d.alliance() + "/transfers/" + id;
		}
		model.addAttribute("interest", i);
		model.addAttribute("demand", d);
		model.addAttribute("achievement", transfer.achievement(i.achievementId()));
		model.addAttribute("related", related.of("transfer", id));
		return "transfer/transfer";
	}

	/** A transfer on its demand's alliance's site. */
	@GetMapping("/transfers/{id}")
	@PreAuthorize("@access.canRead('transfer', #id)")
	String transferLink(@PathVariable long id) {
		return "redirect:/a/" + transfer.demand(interests.get(interests.interestOfTransfer(id)).demandId()).alliance()
				+ "/transfers/" + id;
	}

	/** What the demand and achievement pages share: interests, who decides which, the related box, the notice. */
	private void common(String kind, long id, @Nullable String message, Model model) {
		List<InterestView> list = interests.of(kind, id);
		model.addAttribute("interests", list);
		model.addAttribute("mine", List.copyOf(access.organizationsActedFor()));
		model.addAttribute("deciding", list.stream().filter(i -> i.status().isPending() && interests.mayDecide(i))
			.map(InterestView::id).toList());
		model.addAttribute("related", related.of(kind, id));
		model.addAttribute("message", message);
	}
}
