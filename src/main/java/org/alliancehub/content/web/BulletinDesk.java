package org.alliancehub.content.web;

import org.alliancehub.content.Bulletins;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
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

/** Briefings, events and friendly links in the back office (/admin/a/{slug}/bulletins). */
@Controller
class BulletinDesk {

	private final Bulletins bulletins;

	BulletinDesk(Bulletins bulletins) {
		this.bulletins = bulletins;
	}

	@GetMapping("/admin/a/{slug}/bulletins")
	@PreAuthorize("@access.canManage(#site.id())")
	String bulletins(Site site, @RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("briefings", bulletins.briefings(site.id(), 1000));
		model.addAttribute("links", bulletins.links(site.id()));
		model.addAttribute("nextIssue", bulletins.nextIssueNumber(site.id()));
		model.addAttribute("events", bulletins.events(site.id(), 200));
		model.addAttribute("error", error);
		return "content/admin-bulletins";
	}

	@PostMapping("/admin/a/{slug}/briefings")
	@PreAuthorize("@access.canManage(#site.id())")
	String publishBriefing(Site site, @RequestParam int issueNumber, @RequestParam String title,
			@RequestParam java.time.LocalDate publishedOn, @RequestParam String body, RedirectAttributes redirect) {
		try {
			if (title.isBlank() || issueNumber < 1) {
				throw Invalid.field("title", "required");
			}
			bulletins.publishBriefing(site.id(),
					new Bulletins.NewBriefing(issueNumber, title, publishedOn, body));
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/events")
	@PreAuthorize("@access.canManage(#site.id())")
	String addEvent(Site site, @RequestParam String title, @RequestParam java.time.LocalDate startsOn,
			@RequestParam(required = false) java.time.@Nullable LocalDate endsOn,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String description,
			RedirectAttributes redirect) {
		try {
			if (title.isBlank()) {
				throw Invalid.field("title", "required");
			}
			bulletins.addEvent(site.id(), new Bulletins.NewEvent(title, startsOn, endsOn,
					location.isBlank() ? null : location, description.isBlank() ? null : description));
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/links")
	@PreAuthorize("@access.canManage(#site.id())")
	String addLink(Site site, @RequestParam String name, @RequestParam String url,
			RedirectAttributes redirect) {
		if (name.isBlank() || !url.strip().matches("https?://\\S+")) {
			redirect.addAttribute("error", "link");
		}
		else {
			bulletins.addLink(site.id(), new Bulletins.NewLink(name, url, null));
		}
		return "redirect:/admin/a/" + site.slug() + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/links/{id}/delete")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('link', #id)")
	String removeLink(Site site, @PathVariable long id) {
		if (bulletins.allianceOfLink(id) != site.id()) {
			throw new org.alliancehub.shared.NotFound("link " + id);
		}
		bulletins.removeLink(id);
		return "redirect:/admin/a/" + site.slug() + "/bulletins";
	}
}
