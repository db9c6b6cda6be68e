package org.alliancehub.transfer.internal;

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
 * The signed tokens of the match digest's unsubscribe links: {@code <user id>.<HMAC-SHA256 of it>}, under a key the
 * database keeps (made once, shared by every node), so that a link works signed out, after a restart and on any
 * node, and nobody can make one for another user. A link never expires: an old digest can still switch it off.
 */
@Component
public class UnsubscribeTokens {

	private final JdbcClient jdbc;

	private volatile byte[] key;

	UnsubscribeTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String of(long userId) {
		return userId + "." + sign(userId);
	}

	/** The user a token was made for, or empty when it was not made here. */
	public Optional<Long> verify(String token) {
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 19) {
			return Optional.empty();
		}
		long userId;
		try {
			userId = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		byte[] expected = sign(userId).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(userId) : Optional.empty();
	}

	private String sign(long userId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal(("match-digest-unsubscribe:" + userId).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
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
			// The first node to get here makes the key; every other one reads it.
			jdbc.sql("insert into transfer_digest_key (id, secret) values (1, ?) on conflict do nothing").param(fresh).update();
			k = jdbc.sql("select secret from transfer_digest_key where id = 1").query(byte[].class).single();
			key = k;
		}
		return k;
	}
}
