package org.alliancehub.content.web;

import java.util.List;
import java.util.Map;

import org.alliancehub.content.ArticleDetail;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Category;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.MemberDirectory;
import org.alliancehub.network.SiteFrames;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public site: the network's home, each alliance's home, its sections and its articles. */
@Controller
class SitePages {

	private static final int PAGE_SIZE = 15;

	private final Alliances alliances;

	private final Articles articles;

	private final Bulletins bulletins;

	private final SiteFrames frames;

	private final MemberDirectory members;

	SitePages(Alliances alliances, Articles articles, Bulletins bulletins, SiteFrames frames, MemberDirectory members) {
		this.alliances = alliances;
		this.articles = articles;
		this.bulletins = bulletins;
		this.frames = frames;
		this.members = members;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/")
	String networkHome(Model model) {
		List<Alliance> all = alliances.all();
		Alliance network = all.stream().filter(Alliance::isNetwork).findFirst().orElse(null);
		model.addAttribute("frame", network == null ? null : frames.of(network));
		model.addAttribute("network", network);
		model.addAttribute("alliances", all.stream().filter(a -> !a.isNetwork()).toList());
		model.addAttribute("names", Alliances.shortNames(all));
		model.addAttribute("latest", articles.latestPublic(12));
		model.addAttribute("own", network == null ? Map.of() : articles.latestBySection(network.id(), 5));
		return "content/network-home";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/")
	String allianceHome(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("sections", articles.latestBySection(a.id(), 6));
		model.addAttribute("briefings", bulletins.briefings(a.id(), 5));
		model.addAttribute("events", bulletins.events(a.id(), 4));
		model.addAttribute("links", bulletins.links(a.id()));
		return "content/alliance-home";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}")
	String allianceHomeWithoutSlash(@PathVariable String slug) {
		alliances.get(slug);
		return "redirect:/a/" + slug + "/";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/{section:news|policy|media|technology|market|industry}")
	String section(@PathVariable String slug, @PathVariable String section,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String tag,
			Model model) {
		Alliance a = alliances.get(slug);
		Category category = Category.ofSection(section);
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		model.addAttribute("category", category);
		model.addAttribute("tag", tag);
		model.addAttribute("page", articles.list(a.id(), category, tag, null, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "content/section";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/articles")
	String tagged(@PathVariable String slug, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("category", null);
		model.addAttribute("tag", tag);
		model.addAttribute("page", articles.list(a.id(), null, tag, null, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "content/section";
	}

	@PreAuthorize("@access.canRead('article', #id)")
	@GetMapping("/a/{slug}/articles/{id}")
	String article(@PathVariable String slug, @PathVariable long id, Model model) {
		Alliance a = site(slug, model);
		ArticleDetail detail = articles.detail(id);
		if (detail.article().allianceId() != a.id()) {
			throw new NotFound("article " + id);
		}
		model.addAttribute("detail", detail);
		return "content/article";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/about")
	String about(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("governance", members.governance(a.id()));
		model.addAttribute("memberCount", members.activeMemberCount(a.id()));
		return "content/about";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/briefings")
	String briefings(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("briefings", bulletins.briefings(a.id(), 500));
		return "content/briefings";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/briefings/{issue}")
	String briefing(@PathVariable String slug, @PathVariable int issue, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("briefing", bulletins.briefing(a.id(), issue));
		return "content/briefing";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/events")
	String events(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("events", bulletins.events(a.id(), 200));
		return "content/events";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/links")
	String links(@PathVariable String slug, Model model) {
		Alliance a = site(slug, model);
		model.addAttribute("links", bulletins.links(a.id()));
		return "content/links";
	}

	/** The alliance of a site page, with the frame around it put in the model. */
	private Alliance site(String slug, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		return a;
	}
}
