package org.alliancehub.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex: how tokens, receipts and ballot-log entries are fingerprinted. */
public final class Hashes {

	private Hashes() {
	}

	public static String sha256(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}
}
