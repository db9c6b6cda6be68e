package org.alliancehub.certification.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.alliancehub.platform.AllianceHubProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The private signing keys are kept encrypted at rest: AES-256-GCM (the JDK's {@code javax.crypto}) under a
 * key-encryption key derived from {@code ALLIANCEHUB_SIGNING_SECRET} ({@code alliancehub.signing.secret}), or, when
 * that is unset, from a random secret generated once into {@code <data>/signing-secret}, readable by its owner only.
 * A stored key is {@code AHK1 ‖ 12-byte nonce ‖ ciphertext with its tag}, bound to its alliance (associated data), so
 * a key copied to another alliance's row does not decrypt. A stored value without the prefix is a key from before
 * encryption (a DER PKCS#8 structure, which starts with 0x30); {@link SigningKeys} encrypts those at start-up.
 */
@Component
public class KeyEncryption {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);

	static final byte[] MAGIC = "AHK1".getBytes(StandardCharsets.US_ASCII);

	private static final int NONCE = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey kek;

	KeyEncryption(@Value("${alliancehub.signing.secret:}") String secret, AllianceHubProperties properties) {
		this.kek = derive(secret == null || secret.isBlank() ? fileSecret(properties.data().resolve("signing-secret")) : secret);
	}

	/** Whether a stored value is encrypted by this scheme (otherwise it is a raw key from before). */
	public static boolean encrypted(byte @Nullable [] stored) {
		return stored != null && stored.length > MAGIC.length + NONCE
				&& Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	byte[] encrypt(long allianceId, byte[] privateKey) {
		try {
			byte[] nonce = new byte[NONCE];
			RANDOM.nextBytes(nonce);
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
			c.updateAAD(aad(allianceId));
			byte[] sealed = c.doFinal(privateKey);
			byte[] out = new byte[MAGIC.length + NONCE + sealed.length];
			System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
			System.arraycopy(nonce, 0, out, MAGIC.length, NONCE);
			System.arraycopy(sealed, 0, out, MAGIC.length + NONCE, sealed.length);
			return out;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM encryption failed", e);
		}
	}

	/** The raw key: decrypted, or as stored when it is a key from before encryption. */
	byte[] decrypt(long allianceId, byte[] stored) {
		if (!encrypted(stored)) {
			return stored;
		}
		try {
			Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
			c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, stored, MAGIC.length, NONCE));
			c.updateAAD(aad(allianceId));
			return c.doFinal(stored, MAGIC.length + NONCE, stored.length - MAGIC.length - NONCE);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the signing key of alliance " + allianceId
					+ " does not decrypt: is ALLIANCEHUB_SIGNING_SECRET the one it was encrypted with?", e);
		}
	}

	private static byte[] aad(long allianceId) {
		return ("alliancehub-signing-key:" + allianceId).getBytes(StandardCharsets.US_ASCII);
	}

	private static SecretKey derive(String secret) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			d.update("alliancehub-signing-kek-v1\0".getBytes(StandardCharsets.US_ASCII));
			d.update(secret.strip().getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(d.digest(), "AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The secret in the data directory, made once (32 random bytes, Base64) with owner-only permissions. */
	static String fileSecret(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				try {
					try {
						Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					}
					catch (UnsupportedOperationException e) {
						Files.createFile(file); // not a POSIX file system
					}
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
					log.warn("ALLIANCEHUB_SIGNING_SECRET is not set: generated {} to encrypt the signing keys; keep it with the "
							+ "database backups, the keys cannot be read without it", file.toAbsolutePath());
				}
				catch (FileAlreadyExistsException e) {
					// another instance made it first: read theirs
				}
			}
			String s = Files.readString(file).strip();
			if (s.isEmpty()) {
				throw new IllegalStateException(file + " is empty: it must hold the secret the signing keys were encrypted with");
			}
			return s;
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read or create " + file, e);
		}
	}
}
