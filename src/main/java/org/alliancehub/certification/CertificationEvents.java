package org.alliancehub.certification;

import org.alliancehub.shared.DomainEvent;

/** What certification tells the rest of the platform (the audit log). */
public final class CertificationEvents {

	private CertificationEvents() {
	}

	/** A certificate was issued. */
	public record CertificateIssued(String number, Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "certificate.issued";
		}

		@Override
		public String subject() {
			return "certificate:" + number;
		}
	}

	/** A certificate was suspended, reinstated or revoked. */
	public record CertificateStatusChanged(String number, Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "certificate.status-changed";
		}

		@Override
		public String subject() {
			return "certificate:" + number;
		}
	}
}
