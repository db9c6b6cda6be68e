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
import org.alliancehub.web.Site;
import org.alliancehub.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The member list grouped by governance role, and the enterprise window (企业之窗) with each enterprise's page. */
@Controller
class MemberPages {

	private final Memberships memberships;

	private final Organizations organizations;

	MemberPages(Memberships memberships, Organizations organizations) {
		this.memberships = memberships;
		this.organizations = organizations;
	}

	@GetMapping("/a/{slug}/members")
	@PreAuthorize("permitAll()")
	String members(Site site, Model model) {
		List<Member> all = memberships.members(site.id(), null, MembershipStatus.ACTIVE);
		Map<MembershipRole, List<Member>> byRole = new LinkedHashMap<>();
		for (Member m : all) {
			byRole.computeIfAbsent(m.role(), r -> new java.util.ArrayList<>()).add(m);
		}
		model.addAttribute("byRole", byRole);
		model.addAttribute("total", all.size());
		return "membership/members";
	}

	@GetMapping("/a/{slug}/enterprises")
	@PreAuthorize("permitAll()")
	String enterprises(Site site, Model model) {
		List<Long> ids = memberships.members(site.id(), null, MembershipStatus.ACTIVE)
			.stream()
			.filter(m -> m.organizationType() == OrganizationType.ENTERPRISE)
			.map(Member::organizationId)
			.toList();
		List<Organization> orgs = organizations.getAll(ids)
			.stream()
			.sorted(java.util.Comparator.comparing(Organization::name, org.alliancehub.shared.ChineseOrder.NAMES))
			.toList();
		model.addAttribute("enterprises", orgs);
		return "membership/enterprises";
	}

	@GetMapping("/a/{slug}/enterprises/{id}")
	@PreAuthorize("permitAll()")
	String enterprise(Site site, @PathVariable long id, Model model) {
		if (!memberships.isActiveMember(site.id(), id)) {
			throw new NotFound("organization " + id);
		}
		model.addAttribute("org", organizations.get(id));
		model.addAttribute("membership", memberships.get(site.id(), id));
		return "membership/enterprise";
	}
}
