package org.alliancehub.certification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A certificate as the public sees it: its content, its status today and on the day asked ({@code on}; null
 * before it was issued), the history of its status, and whether the record in the register still matches its
 * signatures ({@code intact}; a record altered behind the platform's back is never shown as valid).
 * {@code canonical} and {@code signature} (Base64) let anyone check the signature with the published key.
 */
public record CertificateView(long id, String number, String alliance, String allianceName, CertificateKind kind,
		long holderOrganizationId, String holder, @Nullable String product, String subject, @Nullable String standardNumber,
		String scope, LocalDate issuedOn, LocalDate validUntil, String issuer, CertificateStatus status, boolean valid,
		LocalDate on, @Nullable CertificateStatus statusOn, boolean validOn, boolean intact, List<StatusChange> history,
		boolean demo, String verificationUrl, String canonical, String signature) {

	/** One change of status, with its reason, the day it took effect and who made it. */
	public record StatusChange(int seq, CertificateStatus status, LocalDate effectiveOn, String reason, String changedBy,
			OffsetDateTime changedAt) {
	}
}
