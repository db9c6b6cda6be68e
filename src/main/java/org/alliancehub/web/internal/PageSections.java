package org.alliancehub.web.internal;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the page cache drops when a change commits: each cached page depends on the "sections" of the site its
 * rendering read (taken from the route that rendered it), and each kind of change ({@code DomainEvent.action()})
 * changes some sections; a change drops the pages of the scopes it concerns (see {@link PageCache.Invalidation})
 * that depend on one of the sections it changes, and no other page.
 *
 * <p>Every page also depends on its site's profile and navigation (the frame): a change of an alliance's profile
 * drops all of its pages. An action missing from {@link #ACTIONS}, or a route missing from {@link #ROUTES}, depends
 * on everything / changes everything ({@link #EVERYTHING}), today's safe behaviour; two tests make the next engineer
 * classify a new action or a new public route ({@code PageSectionsTests}, {@code PageCacheCrawlIntegrationTests}).
 */
final class PageSections {

	/** Depends on every section, or changes every section. */
	static final Set<String> EVERYTHING = Set.of("*");

	/** Changes no public page. */
	static final Set<String> NOTHING = Set.of();

	static final String ARTICLES = "articles";

	static final String BRIEFINGS = "briefings";

	static final String EVENTS = "events";

	static final String LINKS = "links";

	/** Memberships: member lists, the enterprises' pages, the governance roles and member count on "about". */
	static final String MEMBERS = "members";

	/** Meetings, motions and their published results, minutes. */
	static final String GOVERNANCE = "governance";

	/** Published survey statistics. */
	static final String STATISTICS = "statistics";

	static final String STANDARDS = "standards";

	static final String CERTIFICATES = "certificates";

	/** Projects, agreements, bases, shared resources. */
	static final String COLLABORATION = "collaboration";

	/** Demands, achievements, interests, transfers. */
	static final String TRANSFER = "transfer";

	/** The activity formula. */
	static final String ACTIVITY = "activity";

	/**
	 * Sections whose pages show objects of other alliances too (a demand's matching achievements of the whole network, a
	 * project's demands and standards, a standard's certificates and project, wherever they were posted): a change of
	 * one of these drops that section's pages on every site, not only on its alliance's.
	 */
	static final Set<String> NETWORK_WIDE = Set.of(TRANSFER, COLLABORATION, STANDARDS, CERTIFICATES);

	/**
	 * Public GET routes (the patterns of their {@code @GetMapping}) and the sections their pages show. Pages that are
	 * never cached (sign-in, search, certificates, one-off links) are listed too, with what they show.
	 */
	static final Map<String, Set<String>> ROUTES = Map.ofEntries(
			// the network's home shows the latest public articles of every alliance and the list of alliances
			Map.entry("/", Set.of(ARTICLES)),
			Map.entry("/a/{slug}/", Set.of(ARTICLES, BRIEFINGS, EVENTS, LINKS)),
			Map.entry("/a/{slug}", NOTHING),
			Map.entry("/a/{slug}/{section:news|policy|media|technology|market|industry}", Set.of(ARTICLES)),
			Map.entry("/a/{slug}/articles", Set.of(ARTICLES)),
			Map.entry("/a/{slug}/articles/{id}", Set.of(ARTICLES)),
			Map.entry("/a/{slug}/about", Set.of(MEMBERS)),
			Map.entry("/a/{slug}/briefings", Set.of(BRIEFINGS)),
			Map.entry("/a/{slug}/briefings/{issue}", Set.of(BRIEFINGS)),
			Map.entry("/a/{slug}/events", Set.of(EVENTS)),
			Map.entry("/a/{slug}/links", Set.of(LINKS)),
			Map.entry("/a/{slug}/members", Set.of(MEMBERS)),
			Map.entry("/a/{slug}/enterprises", Set.of(MEMBERS)),
			Map.entry("/a/{slug}/enterprises/{id}", Set.of(MEMBERS)),
			Map.entry("/a/{slug}/meetings", Set.of(GOVERNANCE)),
			Map.entry("/a/{slug}/meetings/{id}", Set.of(GOVERNANCE)),
			Map.entry("/meetings/{id}", Set.of(GOVERNANCE)),
			Map.entry("/meetings/{id}/live", Set.of(GOVERNANCE)),
			// a representative's ballot on a correspondence vote (never cached: only a signed-in voter sees it)
			Map.entry("/motions/{id}/ballot", Set.of(GOVERNANCE)),
			// a standard's page links the certificates issued against it and names its project
			Map.entry("/a/{slug}/standards", Set.of(STANDARDS)),
			Map.entry("/a/{slug}/standards/{id}", Set.of(STANDARDS, CERTIFICATES, COLLABORATION)),
			Map.entry("/a/{slug}/standards/{id}/diff", Set.of(STANDARDS)),
			Map.entry("/a/{slug}/surveys/statistics", Set.of(STATISTICS)),
			Map.entry("/a/{slug}/surveys/{id}/statistics", Set.of(STATISTICS)),
			Map.entry("/surveys", Set.of(STATISTICS)),
			Map.entry("/surveys/{id}/answer/{organizationId}", Set.of(STATISTICS)),
			// a project's page links its standards and the demands and achievements around it
			Map.entry("/a/{slug}/projects", Set.of(COLLABORATION)),
			Map.entry("/a/{slug}/projects/{id}", Set.of(COLLABORATION, STANDARDS, TRANSFER)),
			Map.entry("/a/{slug}/agreements", Set.of(COLLABORATION)),
			Map.entry("/a/{slug}/bases", Set.of(COLLABORATION)),
			Map.entry("/a/{slug}/resources", Set.of(COLLABORATION)),
			Map.entry("/collaboration/requests", Set.of(COLLABORATION)),
			// a demand links the project it started
			Map.entry("/a/{slug}/demands", Set.of(TRANSFER)),
			Map.entry("/a/{slug}/achievements", Set.of(TRANSFER)),
			Map.entry("/a/{slug}/demands/{id}", Set.of(TRANSFER, COLLABORATION)),
			Map.entry("/a/{slug}/achievements/{id}", Set.of(TRANSFER, COLLABORATION)),
			Map.entry("/a/{slug}/demands/new", NOTHING),
			Map.entry("/a/{slug}/achievements/new", NOTHING),
			Map.entry("/a/{slug}/transfers/{id}", Set.of(TRANSFER)),
			Map.entry("/demands/{id}", Set.of(TRANSFER, COLLABORATION)),
			Map.entry("/transfers/{id}", Set.of(TRANSFER)),
			Map.entry("/activity/formula", Set.of(ACTIVITY)),
			// never cached
			Map.entry("/certificates", Set.of(CERTIFICATES)),
			Map.entry("/certificates/{number}", Set.of(CERTIFICATES)),
			Map.entry("/certificates/holders/{id}", Set.of(CERTIFICATES)),
			Map.entry("/login", NOTHING),
			Map.entry("/search", EVERYTHING),
			Map.entry("/a/{slug}/subscriptions/confirm/{token}", NOTHING),
			Map.entry("/a/{slug}/unsubscribe/{token}", NOTHING),
			Map.entry("/match-digest/unsubscribe/{token}", NOTHING));

	/**
	 * What each action changes on public pages. A key ending in a dot stands for every action beginning with it
	 * (modules that name their actions as they go, e.g. {@code standard.<stage>}). Anonymous visitors see only
	 * what is public, so a change nobody outside sees (a new user, an application, a survey's draft) changes nothing;
	 * where the event cannot tell (an article saved as a draft may have been public before) it counts as a change.
	 */
	static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
			// alliances: the frame of every page, the network's lists
			Map.entry("alliance.created", EVERYTHING),
			Map.entry("alliance.updated", EVERYTHING),
			// identity: no public page shows users
			Map.entry("user.created", NOTHING),
			Map.entry("user.roles-changed", NOTHING),
			Map.entry("user.disabled", NOTHING),
			Map.entry("user.enabled", NOTHING),
			Map.entry("user.password-changed", NOTHING),
			Map.entry("user.token-revoked", NOTHING),
			// content
			Map.entry("article.created", Set.of(ARTICLES)),
			Map.entry("article.updated", Set.of(ARTICLES)),
			Map.entry("article.deleted", Set.of(ARTICLES)),
			Map.entry("briefing.changed", Set.of(BRIEFINGS)),
			Map.entry("event.changed", Set.of(EVENTS)),
			Map.entry("link.changed", Set.of(LINKS)),
			Map.entry("attachment.changed", Set.of(ARTICLES, BRIEFINGS)),
			// membership: an organisation's name shows wherever it takes part
			Map.entry("organization.created", Set.of(MEMBERS)),
			Map.entry("organization.updated", EVERYTHING),
			Map.entry("membership.granted", Set.of(MEMBERS)),
			Map.entry("membership.changed", Set.of(MEMBERS)),
			Map.entry("application.received", NOTHING),
			Map.entry("application.approved", Set.of(MEMBERS)),
			Map.entry("application.rejected", NOTHING),
			Map.entry("invitation.sent", NOTHING),
			Map.entry("invitation.accepted", Set.of(MEMBERS)),
			Map.entry("invitation.declined", NOTHING),
			// governance (a vote cast publishes nothing: results are public once published)
			Map.entry("meeting.scheduled", Set.of(GOVERNANCE)),
			Map.entry("meeting.document-attached", Set.of(GOVERNANCE)),
			Map.entry("motion.opened", Set.of(GOVERNANCE)),
			Map.entry("motion.closed", Set.of(GOVERNANCE)),
			Map.entry("motion.result-published", Set.of(GOVERNANCE)),
			Map.entry("charter.changed", Set.of(GOVERNANCE)),
			Map.entry("proxy.recorded", Set.of(GOVERNANCE)),
			Map.entry("proxy.withdrawn", Set.of(GOVERNANCE)),
			Map.entry("minutes.approved", Set.of(GOVERNANCE)),
			Map.entry("minutes.published", Set.of(GOVERNANCE)),
			Map.entry("minutes.withdrawn", Set.of(GOVERNANCE)),
			// surveys: drafts are not public; answers count in the statistics
			Map.entry("survey.edited", NOTHING),
			Map.entry("survey.deleted", NOTHING),
			Map.entry("survey.published", Set.of(STATISTICS)),
			Map.entry("survey.closed", Set.of(STATISTICS)),
			Map.entry("survey.response.submitted", Set.of(STATISTICS)),
			Map.entry("survey.response.reopened", Set.of(STATISTICS)),
			// standards (every stage and step, named as they go), certificates (linked from a standard's page)
			Map.entry("standard.", Set.of(STANDARDS)),
			Map.entry("certificate.issued", Set.of(CERTIFICATES)),
			Map.entry("certificate.status-changed", Set.of(CERTIFICATES)),
			// collaboration
			Map.entry("project.", Set.of(COLLABORATION)),
			Map.entry("agreement.", Set.of(COLLABORATION)),
			Map.entry("base.", Set.of(COLLABORATION)),
			Map.entry("resource.offered", Set.of(COLLABORATION)),
			Map.entry("resource.requested", Set.of(COLLABORATION)),
			Map.entry("resource.request-decided", Set.of(COLLABORATION)),
			// transfer
			Map.entry("demand.posted", Set.of(TRANSFER)),
			Map.entry("demand.project", Set.of(TRANSFER, COLLABORATION)),
			Map.entry("achievement.posted", Set.of(TRANSFER)),
			Map.entry("interest.expressed", Set.of(TRANSFER)),
			Map.entry("interest.decided", Set.of(TRANSFER)),
			Map.entry("transfer.recorded", Set.of(TRANSFER)),
			// funding and annual reports have no public page; the activity formula has one
			Map.entry("funding.", NOTHING),
			Map.entry("annual.requested", NOTHING),
			Map.entry("annual.submitted", NOTHING),
			Map.entry("activity.formula-changed", Set.of(ACTIVITY)));

	private PageSections() {
	}

	/** The sections a page rendered by this route pattern shows; everything for a route not in the table. */
	static Set<String> ofRoute(@Nullable String pattern) {
		if (pattern == null) {
			return EVERYTHING;
		}
		Set<String> sections = ROUTES.get(pattern);
		return sections == null ? EVERYTHING : sections;
	}

	/** The sections this action changes; everything for an action not in the table. */
	static Set<String> ofAction(String action) {
		Set<String> exact = ACTIONS.get(action);
		if (exact != null) {
			return exact;
		}
		Set<String> family = classified(action);
		return family == null ? EVERYTHING : family;
	}

	/** The sections of the family of actions this one belongs to, or null when it belongs to none. */
	static @Nullable Set<String> classified(String action) {
		Set<String> exact = ACTIONS.get(action);
		if (exact != null) {
			return exact;
		}
		for (int dot = action.lastIndexOf('.'); dot > 0; dot = action.lastIndexOf('.', dot - 1)) {
			Set<String> family = ACTIONS.get(action.substring(0, dot + 1));
			if (family != null) {
				return family;
			}
		}
		return null;
	}
}
