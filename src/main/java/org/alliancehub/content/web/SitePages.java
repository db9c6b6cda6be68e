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
import org.alliancehub.web.Site;
import org.alliancehub.web.Sites;
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

	private final Sites sites;

	private final MemberDirectory members;

	SitePages(Alliances alliances, Articles articles, Bulletins bulletins, Sites sites, MemberDirectory members) {
		this.alliances = alliances;
		this.articles = articles;
		this.bulletins = bulletins;
		this.sites = sites;
		this.members = members;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/")
	String networkHome(Model model) {
		List<Alliance> all = alliances.all();
		Site network = all.stream().filter(Alliance::isNetwork).findFirst().map(Site::of).orElse(null);
		// the home page reads every body anyway: its frame comes from that list, not from another query
		model.addAttribute("frame", network == null ? null : sites.frame(network));
		model.addAttribute("network", network);
		model.addAttribute("alliances", all.stream().filter(a -> !a.isNetwork()).map(Site::of).toList());
		model.addAttribute("names", Alliances.shortNames(all));
		if (network == null) {
			model.addAttribute("latest", articles.latestPublic(12));
			model.addAttribute("own", Map.of());
		}
		else {
			Articles.NetworkHome lists = articles.networkHome(network.id(), 12, 5);
			model.addAttribute("latest", lists.latest());
			model.addAttribute("own", lists.own());
		}
		return "content/network-home";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/")
	String allianceHome(Site site, Model model) {
		model.addAttribute("sections", articles.latestBySection(site.id(), 6));
		model.addAttribute("briefings", bulletins.briefings(site.id(), 5));
		model.addAttribute("events", bulletins.events(site.id(), 4));
		model.addAttribute("links", bulletins.links(site.id()));
		return "content/alliance-home";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}")
	String allianceHomeWithoutSlash(Site site) {
		return "redirect:/a/" + site.slug() + "/";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/{section:news|policy|media|technology|market|industry}")
	String section(Site site, @PathVariable String section,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String tag,
			Model model) {
		Category category = Category.ofSection(section);
		model.addAttribute("category", category);
		model.addAttribute("tag", tag);
		model.addAttribute("page", articles.list(site.id(), category, tag, null, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "content/section";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/articles")
	String tagged(Site site, @RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("category", null);
		model.addAttribute("tag", tag);
		model.addAttribute("page", articles.list(site.id(), null, tag, null, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "content/section";
	}

	@PreAuthorize("@access.canRead('article', #id)")
	@GetMapping("/a/{slug}/articles/{id}")
	String article(Site site, @PathVariable long id, Model model) {
		ArticleDetail detail = articles.detail(id);
		if (detail.article().allianceId() != site.id()) {
			throw new NotFound("article " + id);
		}
		model.addAttribute("detail", detail);
		return "content/article";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/about")
	String about(Site site, Model model) {
		model.addAttribute("governance", members.governance(site.id()));
		model.addAttribute("memberCount", members.activeMemberCount(site.id()));
		return "content/about";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/briefings")
	String briefings(Site site, Model model) {
		model.addAttribute("briefings", bulletins.briefings(site.id(), 500));
		return "content/briefings";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/briefings/{issue}")
	String briefing(Site site, @PathVariable int issue, Model model) {
		model.addAttribute("briefing", bulletins.briefing(site.id(), issue));
		return "content/briefing";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/events")
	String events(Site site, Model model) {
		model.addAttribute("events", bulletins.events(site.id(), 200));
		return "content/events";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/links")
	String links(Site site, Model model) {
		model.addAttribute("links", bulletins.links(site.id()));
		return "content/links";
	}
}
