package org.alliancehub.certification.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.alliancehub.certification.CertificateKind;
import org.alliancehub.certification.Certificates;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Paging;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's certificate desk (/admin/a/{slug}/certificates): the register with each certificate's status
 * today, the form to issue one, and the form to suspend, reinstate or revoke one with a reason. The forms call the
 * same service as the API; a refused form changes nothing and names its fields.
 */
@Controller
class CertificateDesk {

	private final Certificates certificates;

	CertificateDesk(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/admin/a/{slug}/certificates")
	@PreAuthorize("@access.canManage(#site.id())")
	String desk(Site site, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String message, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("error", error);
		model.addAttribute("message", message);
		model.addAttribute("page", certificates.register(site.slug(), new Paging(Math.max(0, page), 50)));
		model.addAttribute("kinds", List.of(CertificateKind.values()));
		model.addAttribute("today", certificates.today().toString());
		return "certification/admin-desk";
	}

	@PostMapping("/admin/a/{slug}/certificates")
	@PreAuthorize("@access.canManage(#site.id())")
	String issue(Site site, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String holderOrganizationId, @RequestParam(defaultValue = "") String product,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String standardNumber,
			@RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String issuedOn,
			@RequestParam(defaultValue = "") String validUntil, @RequestParam(defaultValue = "") String issuer,
			@RequestParam(defaultValue = "") String number, RedirectAttributes redirect) {
		Long holder = null;
		if (!holderOrganizationId.isBlank()) {
			try {
				holder = Long.valueOf(holderOrganizationId.strip());
			}
			catch (NumberFormatException e) {
				redirect.addAttribute("error", "holderOrganizationId: a number");
				return "redirect:/admin/a/" + site.slug() + "/certificates";
			}
		}
		Long h = holder;
		return onDesk(site, redirect, () -> certificates.issue(site.slug(), new Certificates.NewCertificate(kind, h, product,
				subject, standardNumber, scope, issuedOn, validUntil, issuer, number)).number());
	}

	@PostMapping("/admin/a/{slug}/certificates/{number}/status")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('certificate', @certificates.idOf(#number))")
	String status(Site site, @PathVariable String number, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String effectiveOn,
			RedirectAttributes redirect) {
		return onDesk(site, redirect,
				() -> certificates.changeStatus(number, new Certificates.StatusInput(status, reason, effectiveOn)).number());
	}

	private String onDesk(Site site, RedirectAttributes redirect, Supplier<String> action) {
		try {
			redirect.addAttribute("message", action.get());
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.errors().stream().map(f -> f.field() + ": " + f.message())
				.reduce((x, y) -> x + "; " + y).orElse(e.getMessage()));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/certificates";
	}

	/** The desk's entry in the back office of an alliance its user runs. */
	@Component
	static class Entry implements BackOfficeEntries {

		private final Access access;

		Entry(Access access) {
			this.access = access;
		}

		@Override
		public List<BackOfficeEntry> entries(@Nullable Site alliance) {
			return Optional.ofNullable(alliance)
				.filter(a -> access.canManage(a.id()))
				.map(a -> List.of(BackOfficeEntry.of("cert.desk", "/admin/a/" + a.slug() + "/certificates", 75)))
				.orElse(List.of());
		}
	}
}
