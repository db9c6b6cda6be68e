package org.alliancehub.membership.web;

import java.util.List;
import org.alliancehub.membership.Admissions;
import org.alliancehub.membership.MembershipPatch;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.NewMembership;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
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

/** An alliance's members and their organisations in the back office (/admin/a/{slug}/members). */
@Controller
class MemberDesk {

	private final Memberships memberships;

	private final Organizations organizations;

	private final Admissions admissions;

	MemberDesk(Memberships memberships, Organizations organizations, Admissions admissions) {
		this.memberships = memberships;
		this.organizations = organizations;
		this.admissions = admissions;
	}

	@GetMapping("/admin/a/{slug}/members")
	@PreAuthorize("@access.canManage(#site.id())")
	String members(Site site, @RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("members", memberships.members(site.id(), null, null));
		// what the alliance asked of organisations registered elsewhere, and how each answered (read-only)
		model.addAttribute("invitations", admissions.sentBy(site.id()));
		model.addAttribute("error", error);
		return "membership/admin-members";
	}

	@PostMapping("/admin/a/{slug}/members")
	@PreAuthorize("@access.canManage(#site.id())")
	String addMember(Site site, @RequestParam String name, @RequestParam OrganizationType type,
			@RequestParam(defaultValue = "") String region, @RequestParam MembershipRole role,
			RedirectAttributes redirect) {
		if (name.isBlank()) {
			redirect.addAttribute("error", "name");
			return "redirect:/admin/a/" + site.slug() + "/members";
		}
		try {
			var org = organizations.findByName(name)
				.orElseGet(() -> admissions.register(new NewOrganization(name, type, region, null, null, List.of(), site.slug())));
			// an organisation registered elsewhere is invited, never taken over
			if (admissions.add(site.id(), new NewMembership(org.id(), role, null)).invitation() != null) {
				redirect.addAttribute("error", "invited");
			}
		}
		catch (Conflict e) {
			redirect.addAttribute("error", "duplicate");
		}
		catch (Invalid e) {
			redirect.addAttribute("error", "region");
		}
		return "redirect:/admin/a/" + site.slug() + "/members";
	}

	@PostMapping("/admin/a/{slug}/members/{organizationId}")
	@PreAuthorize("@access.canManage(#site.id())")
	String changeMember(Site site, @PathVariable long organizationId,
			@RequestParam MembershipRole role, @RequestParam MembershipStatus status) {
		memberships.update(site.id(), organizationId, new MembershipPatch(role, status, null, null));
		return "redirect:/admin/a/" + site.slug() + "/members";
	}

	@GetMapping("/admin/a/{slug}/organizations/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canEditOrganization(#id)")
	String organization(Site site, @PathVariable long id,
			@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("org", organizations.get(id));
		model.addAttribute("error", error);
		return "membership/admin-organization";
	}

	@PostMapping("/admin/a/{slug}/organizations/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canEditOrganization(#id)")
	String saveOrganization(Site site, @PathVariable long id, @RequestParam String name,
			@RequestParam OrganizationType type, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String profile,
			@RequestParam(defaultValue = "") String products, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			if (name.isBlank()) {
				throw Invalid.field("name", "required");
			}
			if (!website.isBlank() && !website.strip().matches("https?://\\S+")) {
				throw Invalid.field("website", "http:// or https://");
			}
			List<org.alliancehub.membership.Product> list = products.lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty())
				.map(l -> {
					int bar = l.indexOf('|');
					return bar < 0 ? new org.alliancehub.membership.Product(l, null)
							: new org.alliancehub.membership.Product(l.substring(0, bar).strip(), l.substring(bar + 1).strip());
				})
				.toList();
			organizations.update(id, new org.alliancehub.membership.OrganizationPatch(name, type, region, website,
					profile, list, version));
			return "redirect:/admin/a/" + site.slug() + "/members";
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + site.slug() + "/organizations/" + id;
		}
	}
}
