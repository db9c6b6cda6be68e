package org.alliancehub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Uploaded files in the data directory, stored once under their SHA-256, for every module that takes
 * files (articles' attachments, survey answers). The size is checked as declared and as read, and the
 * type is decided from the bytes (Apache Tika), not from what the browser claims.
 */
@Component
public class Uploads {

	private final Tika tika = new Tika();

	private final AllianceHubProperties properties;

	Uploads(AllianceHubProperties properties) {
		this.properties = properties;
	}

	/** A file kept: its cleaned name, detected type, size and content hash. */
	public record Stored(String filename, String contentType, long sizeBytes, String sha256) {
	}

	/** Keeps a file if it is not too large, not empty and of an accepted type; refuses it otherwise. */
	public Stored store(String filename, long declaredSize, InputStream content, Set<String> accepted) {
		String name = cleanName(filename);
		if (declaredSize > properties.maxUploadBytes()) {
			throw tooLarge();
		}
		Path dir = properties.uploads();
		try {
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, "upload-", ".part");
			try {
				MessageDigest sha = Hashes.digest();
				long size;
				try (InputStream in = new DigestInputStream(content, sha)) {
					size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				if (size > properties.maxUploadBytes()) {
					throw tooLarge();
				}
				if (size == 0) {
					throw Invalid.field("file", "the file is empty");
				}
				String type;
				try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(temp))) {
					type = tika.detect(in, name);
				}
				if (!accepted.contains(type)) {
					throw new UnsupportedType("files of type " + type + " are not accepted");
				}
				String hash = HexFormat.of().formatHex(sha.digest());
				Path target = dir.resolve(hash);
				if (!Files.exists(target)) {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				return new Stored(name, type, size, hash);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Where a stored file lies. */
	public Path path(String sha256) {
		return properties.uploads().resolve(sha256);
	}

	private TooLarge tooLarge() {
		return new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
	}

	/** The file's own name without any path, control characters or quotes, at most 200 characters. */
	public static String cleanName(String filename) {
		String base = filename == null ? "" : filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			throw Invalid.field("file", "a file name is required");
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}
}
