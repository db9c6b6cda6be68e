package org.alliancehub.transfer.web;

import java.util.List;
import java.util.function.Supplier;

import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Paging;
import org.alliancehub.transfer.AchievementView;
import org.alliancehub.transfer.DemandView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.TechnologyTransfer;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registers of demands and achievements on an alliance's site and the network's (every alliance's), and the
 * page of a demand or achievement with its computed matches and their reasons, the form a representative of its
 * organisation uses to express interest, and the interests its organisations take part in with the decision form.
 * An object shown on another alliance's site is sent to its own.
 */
@Controller
class TransferPages {

	private static final int PAGE_SIZE = 20;

	private static final int MATCHES = 10;

	private final TechnologyTransfer transfer;

	private final Interests interests;

	private final Access access;

	private final MessageSource messages;

	TransferPages(TechnologyTransfer transfer, Interests interests, Access access, MessageSource messages) {
		this.transfer = transfer;
		this.interests = interests;
		this.access = access;
		this.messages = messages;
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
		model.addAttribute("interests", interests.of("demand", id));
		model.addAttribute("mine", List.copyOf(access.organizationsActedFor()));
		model.addAttribute("canExpress", access.canActFor(d.organizationId()));
		model.addAttribute("message", message);
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
		model.addAttribute("interests", interests.of("achievement", id));
		model.addAttribute("mine", List.copyOf(access.organizationsActedFor()));
		model.addAttribute("canExpress", access.canActFor(a.organizationId()));
		model.addAttribute("message", message);
		return "transfer/achievement";
	}

	/** The link in the e-mails: a demand on its alliance's site. */
	@GetMapping("/demands/{id}")
	@PreAuthorize("@access.canRead('demand', #id)")
	String demandLink(@PathVariable long id) {
		return "redirect:/a/" + transfer.demand(id).alliance() + "/demands/" + id;
	}

	@PostMapping("/a/{slug}/demands/{id}/interest")
	@PreAuthorize("@access.canRead('demand', #id)")
	String interestInAchievement(Site site, @PathVariable long id, @RequestParam long achievementId,
			RedirectAttributes redirect) {
		DemandView d = transfer.demand(id);
		return answer(redirect, "/a/" + site.slug() + "/demands/" + id,
				() -> interests.express(new Interests.NewInterest(id, achievementId, d.organizationId())));
	}

	@PostMapping("/a/{slug}/achievements/{id}/interest")
	@PreAuthorize("@access.canRead('achievement', #id)")
	String interestInDemand(Site site, @PathVariable long id, @RequestParam long demandId, RedirectAttributes redirect) {
		AchievementView a = transfer.achievement(id);
		return answer(redirect, "/a/" + site.slug() + "/achievements/" + id,
				() -> interests.express(new Interests.NewInterest(demandId, id, a.organizationId())));
	}

	@PostMapping("/a/{slug}/interests/{id}/decision")
	@PreAuthorize("@access.canRead('interest', #id)")
	String decide(Site site, @PathVariable long id, @RequestParam String decision,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		long demandId = interests.get(id).demandId();
		return answer(redirect, "/a/" + site.slug() + "/demands/" + demandId,
				() -> interests.decide(id, new Interests.DecisionInput(decision, "ACCEPT".equals(decision) ? null : reason)));
	}

	private String answer(RedirectAttributes redirect, String to, Supplier<?> action) {
		try {
			action.get();
			redirect.addAttribute("message", messages.getMessage("transfer.interestSent", null, LocaleContextHolder.getLocale()));
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
