package org.alliancehub.certification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancehub.shared.WarmUp;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each alliance's Ed25519 key pair (the JDK's own implementation), made the first time the alliance signs or
 * its public key is asked for and kept in {@code certification_key}, the private key encrypted ({@link KeyEncryption}). Keys are remembered once read: verification
 * by number reads no key from the database. Signing and checking use Bouncy Castle's Ed25519 (RFC 8032, the same
 * signatures as the JDK's, which a test checks with the JDK alone), about ten times faster than the JDK 17 provider;
 * a signature that verified is remembered by the SHA-256 of (public key, text, signature) ({@link VerifiedDigests}).
 */
@Component
public class SigningKeys {

	private final JdbcClient jdbc;

	/** The JDK's key pair (published, encoded) and the same keys as Bouncy Castle parameters (signing, checking). */
	private record Keys(KeyPair jdk, Ed25519PrivateKeyParameters priv, Ed25519PublicKeyParameters pub, byte[] publicEncoded) {
	}

	private final Map<Long, Keys> pairs = new ConcurrentHashMap<>();

	/** The signatures that verified, by 128 bits of SHA-256 over (public key, text, signature); 16 MB. */
	private final VerifiedDigests verified = new VerifiedDigests(1 << 20);

	/** Keys are made in a transaction of their own: a key must never be lost with a failed issue that made it. */
	private final TransactionTemplate own;

	private final KeyEncryption encryption;

	SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactions, KeyEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		WarmUp.inBackground("signing-keys", SigningKeys::warmUp);
	}

	/**
	 * Makes, reads, signs and checks with one throwaway Ed25519 key pair (never stored): the JDK's and Bouncy
	 * Castle's Ed25519 classes and tables are ready when the demo fill issues its first certificate.
	 */
	static void warmUp() {
		try {
			KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			byte[] pub = fresh.getPublic().getEncoded();
			byte[] pkcs8 = fresh.getPrivate().getEncoded();
			KeyFactory f = KeyFactory.getInstance("Ed25519");
			f.generatePublic(new X509EncodedKeySpec(pub));
			f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			Keys k = new Keys(fresh, (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8),
					(Ed25519PublicKeyParameters) PublicKeyFactory.createKey(pub), pub);
			byte[] text = "warm-up".getBytes(StandardCharsets.UTF_8);
			Ed25519Signer s = new Ed25519Signer();
			s.init(true, k.priv());
			s.update(text, 0, text.length);
			if (!check(k, text, s.generateSignature())) {
				throw new IllegalStateException("a fresh Ed25519 signature did not verify");
			}
			VerifiedDigests.digest(pub, text, new byte[0]);
		}
		catch (GeneralSecurityException | java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public byte[] sign(long allianceId, String canonical) {
		Ed25519Signer s = new Ed25519Signer();
		s.init(true, pair(allianceId).priv());
		byte[] text = canonical.getBytes(StandardCharsets.UTF_8);
		s.update(text, 0, text.length);
		return s.generateSignature();
	}

	public boolean verify(long allianceId, String canonical, byte[] signature) {
		// a signature check is a pure function of key, text and signature: a triple checked before is not checked
		// again; an altered row gives another text (or signature), hence another digest, and is checked in full
		Keys k = pair(allianceId);
		byte[] text = canonical.getBytes(StandardCharsets.UTF_8);
		byte[] seen = VerifiedDigests.digest(k.publicEncoded(), text, signature);
		if (verified.contains(seen)) {
			return true;
		}
		boolean ok = check(k, text, signature);
		if (ok) {
			verified.add(seen);
		}
		return ok;
	}

	private static boolean check(Keys k, byte[] text, byte[] signature) {
		if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
			return false;
		}
		Ed25519Signer s = new Ed25519Signer();
		s.init(false, k.pub());
		s.update(text, 0, text.length);
		return s.verifySignature(signature);
	}

	public PublicKey publicKey(long allianceId) {
		return pair(allianceId).jdk().getPublic();
	}

	/** The public key as PEM (SubjectPublicKeyInfo), as {@code openssl pkey -pubin} reads it. */
	public String pem(long allianceId) {
		String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(publicKey(allianceId).getEncoded());
		return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
	}

	/** SHA-256 of the encoded public key, in hex: a short name to compare by eye. */
	public String fingerprint(long allianceId) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey(allianceId).getEncoded()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Encrypts every private key still stored as it was before keys were encrypted (start-up, in one transaction);
	 * the keys themselves do not change, so every signature made with them keeps verifying. Answers how many.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public int encryptStored() {
		Integer n = own.execute(t -> {
			record Stored(long allianceId, byte[] priv) {
			}
			int done = 0;
			for (Stored k : jdbc.sql("select alliance_id, private_key from certification_key order by alliance_id for update")
				.query((rs, i) -> new Stored(rs.getLong(1), rs.getBytes(2)))
				.list()) {
				if (!KeyEncryption.encrypted(k.priv())) {
					done += jdbc.sql("update certification_key set private_key = ? where alliance_id = ?")
						.params(encryption.encrypt(k.allianceId(), k.priv()), k.allianceId())
						.update();
				}
			}
			return done;
		});
		pairs.clear();
		verified.clear();
		return n == null ? 0 : n;
	}

	private Keys pair(long allianceId) {
		Keys p = pairs.get(allianceId);
		if (p == null) {
			p = own.execute(t -> loadOrCreate(allianceId));
			pairs.putIfAbsent(allianceId, p);
		}
		return p;
	}

	private Keys loadOrCreate(long allianceId) {
		try {
			KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			// whoever comes first keeps its key; everyone reads the stored one
			jdbc.sql("insert into certification_key (alliance_id, public_key, private_key) values (?, ?, ?) on conflict do nothing")
				.params(allianceId, fresh.getPublic().getEncoded(), encryption.encrypt(allianceId, fresh.getPrivate().getEncoded()))
				.update();
			record Row(byte[] pub, byte[] priv) {
			}
			Row r = jdbc.sql("select public_key, private_key from certification_key where alliance_id = ?")
				.param(allianceId)
				.query((rs, i) -> new Row(rs.getBytes(1), rs.getBytes(2)))
				.single();
			KeyFactory f = KeyFactory.getInstance("Ed25519");
			PublicKey pub = f.generatePublic(new X509EncodedKeySpec(r.pub()));
			byte[] pkcs8 = encryption.decrypt(allianceId, r.priv());
			PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new Keys(new KeyPair(pub, priv), (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8),
					(Ed25519PublicKeyParameters) PublicKeyFactory.createKey(r.pub()), r.pub());
		}
		catch (GeneralSecurityException | java.io.IOException | ClassCastException e) {
			throw new IllegalStateException("Ed25519 key unreadable", e);
		}
	}
}
