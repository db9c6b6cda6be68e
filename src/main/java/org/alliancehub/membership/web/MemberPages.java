package org.alliancehub.membership.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.SiteFrames;
import org.alliancehub.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The member list grouped by governance role, and the enterprise window (企业之窗) with each enterprise's page. */
@Controller
class MemberPages {

	private final Alliances alliances;

	private final Memberships memberships;

	private final Organizations organizations;

	private final SiteFrames frames;

	MemberPages(Alliances alliances, Memberships memberships, Organizations organizations, SiteFrames frames) {
		this.alliances = alliances;
		this.memberships = memberships;
		this.organizations = organizations;
		this.frames = frames;
	}

	@GetMapping("/a/{slug}/members")
	@PreAuthorize("permitAll()")
	String members(@PathVariable String slug, Model model) {
		Alliance a = alliances.get(slug);
		List<Member> all = memberships.members(a.id(), null, MembershipStatus.ACTIVE);
		Map<MembershipRole, List<Member>> byRole = new LinkedHashMap<>();
		for (Member m : all) {
			byRole.computeIfAbsent(m.role(), r -> new java.util.ArrayList<>()).add(m);
		}
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		model.addAttribute("byRole", byRole);
		model.addAttribute("total", all.size());
		return "membership/members";
	}

	@GetMapping("/a/{slug}/enterprises")
	@PreAuthorize("permitAll()")
	String enterprises(@PathVariable String slug, Model model) {
		Alliance a = alliances.get(slug);
		List<Long> ids = memberships.members(a.id(), null, MembershipStatus.ACTIVE)
			.stream()
			.filter(m -> m.organizationType() == OrganizationType.ENTERPRISE)
			.map(Member::organizationId)
			.toList();
		List<Organization> orgs = organizations.getAll(ids)
			.stream()
			.sorted(java.util.Comparator.comparing(Organization::name, java.text.Collator.getInstance(java.util.Locale.CHINA)))
			.toList();
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		model.addAttribute("enterprises", orgs);
		return "membership/enterprises";
	}

	@GetMapping("/a/{slug}/enterprises/{id}")
	@PreAuthorize("permitAll()")
	String enterprise(@PathVariable String slug, @PathVariable long id, Model model) {
		Alliance a = alliances.get(slug);
		if (!memberships.isActiveMember(a.id(), id)) {
			throw new NotFound("organization " + id);
		}
		model.addAttribute("frame", frames.of(a));
		model.addAttribute("alliance", a);
		model.addAttribute("org", organizations.get(id));
		model.addAttribute("membership", memberships.get(a.id(), id));
		return "membership/enterprise";
	}
}
