package org.alliancehub.mailing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the unsubscribe links: {@code base64url(allianceId:email).base64url(hmac)}, with a key made once and kept
 * in the database, so a link in any mail ever sent works signed out and cannot be made up for someone else.
 */
@Component
public class Signer {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private volatile byte @org.jspecify.annotations.Nullable [] key;

	Signer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who a token unsubscribes. */
	public record Address(long allianceId, String email) {
	}

	public String sign(long allianceId, String email) {
		String payload = B64.encodeToString((allianceId + ":" + email).getBytes(StandardCharsets.UTF_8));
		return payload + "." + B64.encodeToString(mac(payload));
	}

	/** The address a token names, empty for a forged or mangled one. */
	public Optional<Address> verify(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || token.length() > 2000) {
			return Optional.empty();
		}
		String payload = token.substring(0, dot);
		try {
			byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(given, mac(payload))) {
				return Optional.empty();
			}
			String plain = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
			int colon = plain.indexOf(':');
			return Optional.of(new Address(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1)));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
			return Optional.empty();
		}
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("insert into mailing_key (id, secret) values (1, ?) on conflict (id) do nothing").param(fresh).update();
			k = jdbc.sql("select secret from mailing_key where id = 1").query(byte[].class).single();
			key = k;
		}
		return k;
	}

	/** A random token for a confirmation link. */
	public static String random() {
		byte[] b = new byte[24];
		new SecureRandom().nextBytes(b);
		return B64.encodeToString(b);
	}
}
