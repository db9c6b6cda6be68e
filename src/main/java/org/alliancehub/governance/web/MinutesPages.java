package org.alliancehub.governance.web;

import org.alliancehub.governance.Minutes;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.SiteFrames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An alliance's published meeting minutes on its site: the list, and each with its resolution. */
@Controller
class MinutesPages {

	private final Minutes minutes;

	private final Alliances alliances;

	private final SiteFrames frames;

	MinutesPages(Minutes minutes, Alliances alliances, SiteFrames frames) {
		this.minutes = minutes;
		this.alliances = alliances;
		this.frames = frames;
	}

	@GetMapping("/a/{slug}/meetings")
	@PreAuthorize("permitAll()")
	String list(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("minutes", minutes.published(a.id()));
		return "governance/minutes-list";
	}

	@GetMapping("/a/{slug}/meetings/{id}")
	@PreAuthorize("@access.canRead('minutes', #id)")
	String page(@PathVariable String slug, @PathVariable long id, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("minutes", minutes.published(a.id(), id));
		return "governance/minutes";
	}

	private Alliance site(String slug, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		return a;
	}
}
