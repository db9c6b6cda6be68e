package org.alliancehub.certification.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.certification.CertificateSummary;
import org.alliancehub.certification.CertificateView;
import org.alliancehub.certification.Certificates;
import org.alliancehub.certification.Verification;
import org.alliancehub.certification.internal.CertificatePdf;
import org.alliancehub.certification.internal.PublicReads;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Certificates: issued by an alliance's secretariat, their status changed by it; read, downloaded as PDF and
 * verified (by number, or an uploaded PDF) by anyone, within a budget per client address; each alliance's public
 * signing key.
 */
@RestController
@Tag(name = "certificates")
class CertificateApi {

	/** Costs against the public budget: a PDF is typeset, an upload is parsed. */
	static final int PDF_COST = 5;

	static final int UPLOAD_COST = 10;

	private final Certificates certificates;

	private final PublicReads reads;

	CertificateApi(Certificates certificates, PublicReads reads) {
		this.certificates = certificates;
		this.reads = reads;
	}

	@PostMapping("/api/v1/alliances/{slug}/certificates")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Issue a certificate (PRODUCT_CERTIFICATION, TEST_REPORT, QUALIFICATION, MEMBERSHIP) to an organisation or its product; signed with the alliance's key")
	ResponseEntity<CertificateView> issue(@PathVariable String slug, @RequestBody Certificates.NewCertificate c) {
		CertificateView made = certificates.issue(slug, c);
		return ResponseEntity.created(URI.create("/api/v1/certificates/" + made.number())).body(made);
	}

	@GetMapping("/api/v1/alliances/{slug}/certificates")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's register of certificates, newest first, with each one's status today")
	PageResult<CertificateSummary> register(@PathVariable String slug, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size, HttpServletRequest request) {
		reads.take(request.getRemoteAddr(), 1);
		return certificates.register(slug, Paging.of(page, size));
	}

	@GetMapping("/api/v1/alliances/{slug}/signing-key")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's Ed25519 public key (PEM) that its certificates are signed with, and its SHA-256 fingerprint")
	Certificates.SigningKey signingKey(@PathVariable String slug) {
		return certificates.signingKey(slug);
	}

	@GetMapping("/api/v1/alliances/{slug}/signing-key.pem")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's public key as a PEM file, for openssl")
	ResponseEntity<byte[]> signingKeyPem(@PathVariable String slug) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + slug + "-signing-key.pem\"")
			.body(certificates.signingKey(slug).publicKeyPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	@GetMapping("/api/v1/organizations/{id}/certificates")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The organisation's certificates valid today, in the order they were issued")
	Map<String, List<CertificateSummary>> ofHolder(@PathVariable long id, HttpServletRequest request) {
		reads.take(request.getRemoteAddr(), 1);
		return Map.of("items", certificates.validOf(id));
	}

	@GetMapping("/api/v1/certificates/{number}")
	@PreAuthorize("permitAll()")
	@Operation(summary = "A certificate by its number: valid today or not, its status on ?on=YYYY-MM-DD (from the trail), the history, whether the record is intact")
	CertificateView get(@PathVariable String number, @RequestParam(required = false) @Nullable String on,
			HttpServletRequest request) {
		reads.take(request.getRemoteAddr(), 1);
		return certificates.get(number, day(on));
	}

	@GetMapping("/api/v1/certificates/{number}.pdf")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The certificate as PDF with a QR code of its verification address and its signed content embedded")
	ResponseEntity<byte[]> pdf(@PathVariable String number, HttpServletRequest request) {
		reads.take(request.getRemoteAddr(), PDF_COST);
		byte[] body = certificates.pdf(number, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + number + ".pdf\"")
			.body(body);
	}

	@PostMapping(path = "/api/v1/certificates/{number}/status")
	@PreAuthorize("@access.canManage('certificate', @certificates.idOf(#number))")
	@Operation(summary = "Suspend, reinstate (VALID) or revoke, with a reason and the day it takes effect (today by default); 409 after revocation or expiry")
	CertificateView status(@PathVariable String number, @RequestBody Certificates.StatusInput s) {
		return certificates.changeStatus(number, s);
	}

	@PostMapping(path = "/api/v1/certificates/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("permitAll()")
	@Operation(summary = "Verify an uploaded certificate PDF (part file): VALID, ALTERED or UNKNOWN, with why and the register's record")
	Verification verify(@RequestPart(name = "file", required = false) @Nullable MultipartFile file, HttpServletRequest request)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw Invalid.field("file", "a PDF file");
		}
		reads.take(request.getRemoteAddr(), UPLOAD_COST);
		return certificates.verifyPdf(file.getBytes());
	}

	@ExceptionHandler(CertificatePdf.FontMissing.class)
	ResponseEntity<ProblemDetail> fontMissing(CertificatePdf.FontMissing e) {
		ProblemDetail p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		p.setTitle("No CJK font installed");
		return Problems.response(p);
	}

	static @Nullable LocalDate day(@Nullable String on) {
		if (on == null || on.isBlank()) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(on.strip());
			if (d.getYear() < 1950 || d.getYear() > 2200) {
				throw Invalid.field("on", "not a plausible date");
			}
			return d;
		}
		catch (DateTimeParseException e) {
			throw Invalid.field("on", "a date (YYYY-MM-DD)");
		}
	}
}
