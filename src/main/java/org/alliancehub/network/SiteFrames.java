package org.alliancehub.network;

import java.util.List;

import org.alliancehub.web.Frame;
import org.jspecify.annotations.Nullable;
import org.alliancehub.web.Frame.NavItem;
import org.springframework.stereotype.Component;

/**
 * The frame around every page of a site: the same sections for every alliance, as real alliance sites
 * have them (首页 关于联盟 联盟动态 … 友情链接), and for the network, whose members are alliances.
 */
@Component
public class SiteFrames {

	private final Alliances alliances;

	SiteFrames(Alliances alliances) {
		this.alliances = alliances;
	}

	public Frame of(String slug) {
		return of(alliances.get(slug));
	}

	public Frame of(Alliance a) {
		String base = "/a/" + a.slug() + "/";
		List<NavItem> nav = List.of(new NavItem("nav.home", a.isNetwork() ? "/" : base, "home"),
				new NavItem("nav.about", base + "about", "about"), new NavItem("nav.news", base + "news", "news"),
				new NavItem("nav.policy", base + "policy", "policy"), new NavItem("nav.media", base + "media", "media"),
				new NavItem("nav.technology", base + "technology", "technology"),
				new NavItem("nav.market", base + "market", "market"),
				new NavItem(a.isNetwork() ? "nav.alliances" : "nav.enterprises",
						base + (a.isNetwork() ? "members" : "enterprises"), a.isNetwork() ? "members" : "enterprises"),
				new NavItem("nav.events", base + "events", "events"),
				new NavItem("collab.projects", base + "projects", "collaboration"),
				new NavItem("nav.briefings", base + "briefings", "briefings"),
				new NavItem("nav.members", base + "members", "members"), new NavItem("nav.links", base + "links", "links"));
		if (a.isNetwork()) {
			nav = nav.stream().filter(n -> !(n.section().equals("members") && n.key().equals("nav.members"))).toList();
		}
		Contact c = a.contact();
		return new Frame(a.slug(), a.name(), a.displayShortName(), a.isNetwork(), c.phone(), c.fax(), c.email(),
				c.address(), c.postcode(), a.icp(), nav);
	}

	/** The network's frame, or null before the network is set up (pages then show the platform's name). */
	public @Nullable Frame network() {
		return alliances.network().map(this::of).orElse(null);
	}
}
