package org.alliancehub.certification;

import java.time.LocalDate;

/** A line of a register or a holder's list: enough to find the certificate and see where it stands today. */
public record CertificateSummary(String number, String alliance, CertificateKind kind, long holderOrganizationId,
		String holder, String subject, LocalDate issuedOn, LocalDate validUntil, CertificateStatus status, boolean demo) {
}
