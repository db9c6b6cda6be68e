package org.alliancehub.certification;

import org.jspecify.annotations.Nullable;

/**
 * What an uploaded PDF is: {@code VALID} (its embedded content is signed by the alliance's key and matches the
 * register), {@code ALTERED} (the signature fails, or the register says otherwise) or {@code UNKNOWN} (no signed
 * content, or a number the register does not know). {@code detail} says why; {@code certificate} is the register's
 * record, when there is one.
 */
public record Verification(Outcome outcome, Detail detail, @Nullable String number,
		@Nullable CertificateView certificate) {

	public enum Outcome {
		VALID, ALTERED, UNKNOWN
	}

	public enum Detail {
		MATCHES_RECORD, SIGNATURE_INVALID, DIFFERS_FROM_RECORD, RECORD_ALTERED, NO_SIGNED_CONTENT, NOT_IN_REGISTER
	}
}
