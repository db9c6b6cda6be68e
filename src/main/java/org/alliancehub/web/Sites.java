package org.alliancehub.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.alliancehub.network.Alliances;
import org.alliancehub.shared.NotFound;
import org.alliancehub.web.Frame.NavItem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The sites pages are served for, and the frame around them: the same sections for every alliance, as
 * real alliance sites have them (首页 关于联盟 联盟动态 … 友情链接), and for the network, whose members are
 * alliances. A request resolves its slug (and the network) once: the result is kept as a request
 * attribute, so the controller's {@link Site} argument, the access check and the layout's frame share one
 * lookup.
 */
@Component
public class Sites {

	private static final String ATTRIBUTE = Sites.class.getName() + ".";

	private final Alliances alliances;

	Sites(Alliances alliances) {
		this.alliances = alliances;
	}

	/** The alliance (or network) of this slug; {@code shared.NotFound} when there is none. */
	public Site site(String slug) {
		return find(slug).orElseThrow(() -> new NotFound("alliance " + slug));
	}

	public Optional<Site> find(String slug) {
		return Optional.ofNullable(once("slug:" + slug, () -> alliances.find(slug).map(Site::of).orElse(null)));
	}

	public Site site(long allianceId) {
		return Objects.requireNonNull(once("id:" + allianceId, () -> Site.of(alliances.get(allianceId))));
	}

	/** The network's site, or null before the network is set up. */
	public @Nullable Site network() {
		return once("network", () -> alliances.network().map(Site::of).orElse(null));
	}

	/** The frame of this site's pages. */
	public Frame frame(Site s) {
		String base = "/a/" + s.slug() + "/";
		boolean network = s.isNetwork();
		List<NavItem> nav = List.of(new NavItem("nav.home", network ? "/" : base, "home"),
				new NavItem("nav.about", base + "about", "about"), new NavItem("nav.news", base + "news", "news"),
				new NavItem("nav.policy", base + "policy", "policy"), new NavItem("nav.media", base + "media", "media"),
				new NavItem("nav.technology", base + "technology", "technology"),
				new NavItem("nav.market", base + "market", "market"),
				new NavItem(network ? "nav.alliances" : "nav.enterprises", base + (network ? "members" : "enterprises"),
						network ? "members" : "enterprises"),
				new NavItem("nav.events", base + "events", "events"),
				new NavItem("collab.projects", base + "projects", "collaboration"),
				new NavItem("nav.transfer", base + "demands", "transfer"),
				new NavItem("standards.register", base + "standards", "standards"),
				new NavItem("nav.briefings", base + "briefings", "briefings"),
				new NavItem("nav.members", base + "members", "members"), new NavItem("nav.links", base + "links", "links"));
		if (network) {
			nav = nav.stream().filter(n -> !(n.section().equals("members") && n.key().equals("nav.members"))).toList();
		}
		return new Frame(s.slug(), s.name(), s.displayShortName(), network, s.phone(), s.fax(), s.email(), s.address(),
				s.postcode(), s.icp(), nav);
	}

	/** The network's frame, or null before the network is set up (pages then show the platform's name). */
	public @Nullable Frame networkFrame() {
		Site n = network();
		return n == null ? null : frame(n);
	}

	/** The frame of the alliance with this id (pages addressed by an object's id, e.g. a meeting). */
	public Frame frameOf(long allianceId) {
		return frame(site(allianceId));
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T once(String key, Supplier<@Nullable T> lookup) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return lookup.get();
		}
		Object[] held = (Object[]) request.getAttribute(ATTRIBUTE + key, RequestAttributes.SCOPE_REQUEST);
		if (held == null) {
			held = new Object[] { lookup.get() };
			request.setAttribute(ATTRIBUTE + key, held, RequestAttributes.SCOPE_REQUEST);
		}
		return (T) held[0];
	}
}
