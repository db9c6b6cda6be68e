package org.alliancehub.certification.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The canonical text a signature is computed over: UTF-8, a first line naming the format, then one
 * {@code name=value} line per field in a fixed order, each ending in a line feed; an absent value is empty; in a
 * value a backslash is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r}, so every field
 * is one line and no value can forge another. Dates are ISO ({@code 2026-12-05}). The same content always gives
 * the same bytes, whoever computes it (README, "Verifying a certificate").
 */
public final class Canonical {

	public static final String CERTIFICATE = "alliancehub-certificate-v1";

	public static final String STATUS = "alliancehub-certificate-status-v1";

	public static final String STATE = "alliancehub-certificate-state-v1";

	private Canonical() {
	}

	/** The certificate's content as signed at issue. */
	public static String certificate(String number, long allianceId, String kind, long holderId, String holderName,
			@Nullable String product, String subject, @Nullable String standardNumber, String scope, LocalDate issuedOn,
			LocalDate validUntil, String issuer) {
		Map<String, @Nullable Object> f = new LinkedHashMap<>();
		f.put("number", number);
		f.put("alliance", allianceId);
		f.put("kind", kind);
		f.put("holder", holderId);
		f.put("holderName", holderName);
		f.put("product", product);
		f.put("subject", subject);
		f.put("standard", standardNumber);
		f.put("scope", scope);
		f.put("issuedOn", issuedOn);
		f.put("validUntil", validUntil);
		f.put("issuer", issuer);
		return text(CERTIFICATE, f);
	}

	/** One change of status in the trail, signed when it is made. */
	public static String statusChange(String number, int seq, String status, LocalDate effectiveOn, String reason,
			String changedBy) {
		Map<String, @Nullable Object> f = new LinkedHashMap<>();
		f.put("number", number);
		f.put("seq", seq);
		f.put("status", status);
		f.put("effectiveOn", effectiveOn);
		f.put("reason", reason);
		f.put("changedBy", changedBy);
		return text(STATUS, f);
	}

	/**
	 * The record's whole state, signed again at each change so that a read checks one signature: the certificate's
	 * own signature (Base64), its canonical text and the canonical text of every status change in order. Each part
	 * starts with its format line and holds one field a line, so the concatenation is unambiguous.
	 */
	public static String state(String certificateSignature, String certificate, java.util.List<String> changes) {
		StringBuilder s = new StringBuilder(1024).append(STATE).append('\n').append("signature=")
			.append(certificateSignature).append('\n').append(certificate);
		changes.forEach(s::append);
		return s.toString();
	}

	/** A field of a canonical text, or null when it has no such line. */
	public static @Nullable String field(String canonical, String name) {
		for (String line : canonical.split("\n", -1)) {
			if (line.startsWith(name + "=")) {
				return unescape(line.substring(name.length() + 1));
			}
		}
		return null;
	}

	private static String text(String format, Map<String, @Nullable Object> fields) {
		StringBuilder s = new StringBuilder(512).append(format).append('\n');
		fields.forEach((k, v) -> s.append(k).append('=').append(v == null ? "" : escape(v.toString())).append('\n'));
		return s.toString();
	}

	static String escape(String v) {
		return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}

	static String unescape(String v) {
		StringBuilder s = new StringBuilder(v.length());
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c == '\\' && i + 1 < v.length()) {
				char n = v.charAt(++i);
				s.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
			}
			else {
				s.append(c);
			}
		}
		return s.toString();
	}
}
