package org.alliancehub.governance.web;

import org.alliancehub.governance.Minutes;
import org.alliancehub.web.Site;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An alliance's published meeting minutes on its site: the list, and each with its resolution. */
@Controller
class MinutesPages {

	private final Minutes minutes;

	MinutesPages(Minutes minutes) {
		this.minutes = minutes;
	}

	@GetMapping("/a/{slug}/meetings")
	@PreAuthorize("permitAll()")
	String list(Site site, Model model) {
		model.addAttribute("minutes", minutes.published(site.id()));
		return "governance/minutes-list";
	}

	@GetMapping("/a/{slug}/meetings/{id}")
	@PreAuthorize("@access.canRead('minutes', #id)")
	String page(Site site, @PathVariable long id, Model model) {
		model.addAttribute("minutes", minutes.published(site.id(), id));
		return "governance/minutes";
	}
}
