package org.alliancehub.certification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * by number reads no key from the database.
 */
@Component
public class SigningKeys {

	private final JdbcClient jdbc;

	private final Map<Long, KeyPair> pairs = new ConcurrentHashMap<>();

	/** SHA-256 of (alliance, text, signature) of the signatures that verified; 32 bytes each, bounded. */
	private final Cache<String, Boolean> verified = Caffeine.newBuilder().maximumSize(200_000).build();

	/** Keys are made in a transaction of their own: a key must never be lost with a failed issue that made it. */
	private final TransactionTemplate own;

	private final KeyEncryption encryption;

	SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactions, KeyEncryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public byte[] sign(long allianceId, String canonical) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initSign(pair(allianceId).getPrivate());
			s.update(canonical.getBytes(StandardCharsets.UTF_8));
			return s.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 signing failed", e);
		}
	}

	public boolean verify(long allianceId, String canonical, byte[] signature) {
		// a signature check is a pure function of key, text and signature: a pair checked before is not checked
		// again (the JDK's Ed25519 takes about a millisecond); an altered row gives another text, hence another key
		String seen = digest(allianceId, canonical, signature);
		if (verified.getIfPresent(seen) != null) {
			return true;
		}
		boolean ok = check(allianceId, canonical, signature);
		if (ok) {
			verified.put(seen, Boolean.TRUE);
		}
		return ok;
	}

	private boolean check(long allianceId, String canonical, byte[] signature) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initVerify(pair(allianceId).getPublic());
			s.update(canonical.getBytes(StandardCharsets.UTF_8));
			return s.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	public PublicKey publicKey(long allianceId) {
		return pair(allianceId).getPublic();
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

	private static String digest(long allianceId, String canonical, byte[] signature) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			d.update(Long.toString(allianceId).getBytes(StandardCharsets.US_ASCII));
			d.update((byte) 0);
			d.update(canonical.getBytes(StandardCharsets.UTF_8));
			d.update((byte) 0);
			d.update(signature);
			return Base64.getEncoder().encodeToString(d.digest());
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
		verified.invalidateAll();
		return n == null ? 0 : n;
	}

	private KeyPair pair(long allianceId) {
		KeyPair p = pairs.get(allianceId);
		if (p == null) {
			p = own.execute(t -> loadOrCreate(allianceId));
			pairs.putIfAbsent(allianceId, p);
		}
		return p;
	}

	private KeyPair loadOrCreate(long allianceId) {
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
			PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(encryption.decrypt(allianceId, r.priv())));
			return new KeyPair(pub, priv);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 key unreadable", e);
		}
	}
}
