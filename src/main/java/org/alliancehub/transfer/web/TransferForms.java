package org.alliancehub.transfer.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.alliancehub.identity.Access;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.Invalid;
import org.alliancehub.transfer.TechnologyTransfer;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms a signed-in representative posts a demand or an achievement with, in the name of an organisation it
 * acts for (the network's administrator: any member of the site's alliance). A refused form comes back as typed,
 * naming every wrong field, and saves nothing; the service checks the fields and the right to post as the API
 * does.
 */
@Controller
class TransferForms {

	private final TechnologyTransfer transfer;

	private final Access access;

	private final Organizations organizations;

	private final Memberships memberships;

	TransferForms(TechnologyTransfer transfer, Access access, Organizations organizations, Memberships memberships) {
		this.transfer = transfer;
		this.access = access;
		this.organizations = organizations;
		this.memberships = memberships;
	}

	@GetMapping("/a/{slug}/demands/new")
	@PreAuthorize("isAuthenticated()")
	String newDemand(Site site, Model model) {
		return form("transfer/demand-form", TransferForm.of(new LinkedMultiValueMap<>(), choices(site)), model);
	}

	@PostMapping("/a/{slug}/demands/new")
	@PreAuthorize("isAuthenticated()")
	String postDemand(Site site, @RequestParam MultiValueMap<String, String> typed, Model model) {
		TransferForm form = TransferForm.of(typed, choices(site));
		List<Invalid.FieldError> found = new ArrayList<>();
		Long org = number(form.value("organizationId"), "organizationId", found);
		BigDecimal budget = decimal(form.value("budget"), "budget", found);
		return submit("transfer/demand-form", form, model, () -> {
			var d = transfer.postDemand(new TechnologyTransfer.NewDemand(org, form.value("title"), form.value("description"),
					form.value("field"), form.value("region"), form.value("visibility"), budget, form.value("deadline")), found);
			return "/a/" + d.alliance() + "/demands/" + d.id();
		});
	}

	@GetMapping("/a/{slug}/achievements/new")
	@PreAuthorize("isAuthenticated()")
	String newAchievement(Site site, @RequestParam(defaultValue = "") String projectId, Model model) {
		MultiValueMap<String, String> start = new LinkedMultiValueMap<>();
		start.add("projectId", projectId);
		return form("transfer/achievement-form", TransferForm.of(start, choices(site)), model);
	}

	@PostMapping("/a/{slug}/achievements/new")
	@PreAuthorize("isAuthenticated()")
	String postAchievement(Site site, @RequestParam MultiValueMap<String, String> typed, Model model) {
		TransferForm form = TransferForm.of(typed, choices(site));
		List<Invalid.FieldError> found = new ArrayList<>();
		Long org = number(form.value("organizationId"), "organizationId", found);
		Long maturity = number(form.value("maturity"), "maturity", found);
		Long project = form.value("projectId").isBlank() ? null : number(form.value("projectId"), "projectId", found);
		return submit("transfer/achievement-form", form, model, () -> {
			var a = transfer.postAchievement(new TechnologyTransfer.NewAchievement(org, form.value("title"),
					form.value("description"), form.value("field"), form.value("region"), form.value("visibility"),
					maturity == null || Math.abs(maturity) > 1000 ? null : maturity.intValue(), form.value("ipStatus"),
					form.value("patentNumber"), form.transferModes(), form.value("terms"), project), found);
			return "/a/" + a.alliance() + "/achievements/" + a.id();
		});
	}

	/** Posts the form: to the new object's page, or the form again with every wrong field named. */
	private static String submit(String view, TransferForm form, Model model, Supplier<String> post) {
		try {
			return "redirect:" + post.get();
		}
		catch (Invalid e) {
			return form(view, form.refused(e.errors()), model);
		}
	}

	private static String form(String view, TransferForm form, Model model) {
		model.addAttribute("form", form);
		return view;
	}

	/** The organisations the user acts for; the administrator acts for any, offered the site's members. */
	private List<TransferForm.Choice> choices(Site site) {
		Map<Long, String> known = organizations.names(access.organizationsActedFor());
		Map<Long, String> names = new LinkedHashMap<>();
		access.organizationsActedFor().forEach(id -> names.put(id, known.getOrDefault(id, String.valueOf(id))));
		if (access.isNetworkAdmin()) {
			memberships.members(site.id(), null, MembershipStatus.ACTIVE)
				.forEach(m -> names.putIfAbsent(m.organizationId(), m.organizationName()));
		}
		return names.entrySet().stream().map(e -> new TransferForm.Choice(e.getKey(), e.getValue())).toList();
	}

	private static @Nullable Long number(String value, String field, List<Invalid.FieldError> errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(String value, String field, List<Invalid.FieldError> errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}
}
