package org.alliancehub.certification.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.certification.CertificateSummary;
import org.alliancehub.certification.CertificateView;
import org.alliancehub.certification.Certificates;
import org.alliancehub.certification.Verification;
import org.alliancehub.certification.internal.CertificatePdf;
import org.alliancehub.certification.internal.PublicReads;
import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.Invalid;
import org.alliancehub.standards.Standards;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification pages: type a number or upload a PDF (/certificates), the page of one certificate that
 * its QR code opens (/certificates/{number}: valid today or not, the status on a chosen day, the history, the
 * record's integrity, 上一资质/下一资质 among the holder's valid certificates), and a holder's valid certificates.
 */
@Controller
class CertificatePages {

	private final Certificates certificates;

	private final Organizations organizations;

	private final PublicReads reads;

	private final Standards standards;

	CertificatePages(Certificates certificates, Organizations organizations, PublicReads reads, Standards standards) {
		this.standards = standards;
		this.certificates = certificates;
		this.organizations = organizations;
		this.reads = reads;
	}

	/** The verification desk; with {@code number} it opens that certificate's page, or says the number is unknown. */
	@GetMapping("/certificates")
	@PreAuthorize("permitAll()")
	String index(@RequestParam(required = false) @Nullable String number, HttpServletRequest request, Model model) {
		String n = number == null ? null : number.strip();
		if (n != null && !n.isEmpty()) {
			reads.take(request.getRemoteAddr(), 1);
			if (certificates.exists(n)) {
				return "redirect:/certificates/" + n;
			}
		}
		model.addAttribute("number", n == null ? "" : n);
		model.addAttribute("unknown", n != null && !n.isEmpty());
		model.addAttribute("result", null);
		return "certification/index";
	}

	@PostMapping("/certificates/verify")
	@PreAuthorize("permitAll()")
	String verify(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpServletRequest request,
			Model model) throws IOException {
		reads.take(request.getRemoteAddr(), CertificateApi.UPLOAD_COST);
		Verification result = file == null || file.isEmpty()
				? new Verification(Verification.Outcome.UNKNOWN, Verification.Detail.NO_SIGNED_CONTENT, null, null)
				: certificates.verifyPdf(file.getBytes());
		model.addAttribute("number", "");
		model.addAttribute("unknown", false);
		model.addAttribute("result", result);
		return "certification/index";
	}

	@GetMapping("/certificates/{number}")
	@PreAuthorize("permitAll()")
	String certificate(@PathVariable String number, @RequestParam(required = false) @Nullable String on,
			HttpServletRequest request, Model model) {
		reads.take(request.getRemoteAddr(), 1);
		LocalDate day;
		try {
			day = CertificateApi.day(on);
		}
		catch (Invalid e) {
			day = null;
		}
		CertificateView c = certificates.get(number, day);
		List<CertificateSummary> siblings = certificates.validOf(c.holderOrganizationId());
		int at = -1;
		for (int i = 0; i < siblings.size(); i++) {
			if (siblings.get(i).number().equals(c.number())) {
				at = i;
			}
		}
		model.addAttribute("c", c);
		// a standard of the platform is linked; a national one (GB/T …) is only named
		model.addAttribute("standard", c.standardNumber() == null ? null : standards.byNumber(c.standardNumber()).orElse(null));
		model.addAttribute("asked", day != null);
		model.addAttribute("previous", at > 0 ? siblings.get(at - 1) : null);
		model.addAttribute("next", at >= 0 && at + 1 < siblings.size() ? siblings.get(at + 1) : null);
		model.addAttribute("fingerprint", certificates.signingKey(c.alliance()).fingerprint());
		return "certification/certificate";
	}

	@GetMapping("/certificates/{number}/qr.png")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> qr(@PathVariable String number) {
		CertificateView c = certificates.get(number, null);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
			.body(CertificatePdf.qr(c.verificationUrl()));
	}

	@GetMapping("/certificates/holders/{id}")
	@PreAuthorize("permitAll()")
	String holder(@PathVariable long id, HttpServletRequest request, Model model) {
		reads.take(request.getRemoteAddr(), 1);
		model.addAttribute("holder", organizations.get(id).name());
		model.addAttribute("holderId", id);
		model.addAttribute("items", certificates.validOf(id));
		return "certification/holder";
	}
}
