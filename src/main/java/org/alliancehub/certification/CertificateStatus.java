package org.alliancehub.certification;

/** A certificate's standing on a day. EXPIRED is never set: it follows from the day being after valid-until. */
public enum CertificateStatus {
	VALID, SUSPENDED, REVOKED, EXPIRED
}
