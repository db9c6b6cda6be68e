package org.alliancehub.platform;

import java.io.BufferedInputStream;
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
import org.springframework.stereotype.Service;

/**
 * Uploaded files, for every module that takes them (article attachments, meeting documents, survey answers).
 * The type is decided from the bytes (Apache Tika), not from what the browser claims, and only the documents
 * and pictures an alliance works with are accepted; the size is checked while the bytes arrive. Files are
 * stored once per content, named by their SHA-256, in the data directory; the owning module keeps the row
 * that says who may read them.
 */
@Service
public class Uploads {

	/** Office documents, PDF, pictures and plain text. */
	public static final Set<String> DOCUMENTS = Set.of("application/pdf", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "image/png", "image/jpeg",
			"image/gif", "text/plain");

	/** A file as stored: its cleaned name, the type found in its bytes, its size and content hash. */
	public record Stored(String filename, String contentType, long sizeBytes, String sha256) {
	}

	private final Tika tika = new Tika();

	private final AllianceHubProperties properties;

	private final org.springframework.beans.factory.ObjectProvider<Holder> holders;

	Uploads(AllianceHubProperties properties, org.springframework.beans.factory.ObjectProvider<Holder> holders) {
		this.properties = properties;
		this.holders = holders;
	}

	/**
	 * What a module that stores files here declares (one bean): whether it still keeps a file of this content.
	 * Files are stored once per content, so the same bytes may belong to an article and a survey answer at once;
	 * {@link #release} deletes them only when no module holds them.
	 */
	@FunctionalInterface
	public interface Holder {

		boolean holds(String sha256);
	}

	/**
	 * Deletes a stored file's bytes once the module that let go of it has deleted its own row, unless any
	 * module (the caller included) still holds the same content. Answers whether the bytes were deleted.
	 */
	public boolean release(String sha256) {
		Path file = path(sha256);
		for (Holder h : holders) {
			if (h.holds(sha256)) {
				return false;
			}
		}
		try {
			return Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Checks and stores a file; answers 413 when it is larger than {@code alliancehub.max-upload-bytes}, 415 when
	 * its type is not among {@code accepted}, 400 when it is empty or has no name. Nothing is kept on failure.
	 */
	public Stored store(String filename, long declaredSize, InputStream content, Set<String> accepted) {
		String name = cleanName(filename);
		long max = properties.maxUploadBytes();
		if (declaredSize > max) {
			throw tooLarge();
		}
		Path dir = properties.uploads();
		try {
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, "upload-", ".part");
			try {
				MessageDigest sha = Hashes.digest();
				long size;
				// never more than one byte past the limit reaches the disk, whatever the client declared
				try (InputStream in = new DigestInputStream(content, sha)) {
					size = Files.copy(new BoundedInputStream(in, max + 1), temp, StandardCopyOption.REPLACE_EXISTING);
				}
				if (size > max) {
					throw tooLarge();
				}
				if (size == 0) {
					throw Invalid.field("file", "the file is empty");
				}
				String type;
				try (InputStream in = new BufferedInputStream(Files.newInputStream(temp))) {
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

	/** Where a stored file's bytes are. */
	public Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a content hash");
		}
		return properties.uploads().resolve(sha256);
	}

	private TooLarge tooLarge() {
		return new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
	}

	static String cleanName(String filename) {
		String base = filename == null ? "" : filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			throw Invalid.field("file", "a file name is required");
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	/** Reads at most {@code limit} bytes. */
	private static final class BoundedInputStream extends java.io.FilterInputStream {

		private long left;

		BoundedInputStream(InputStream in, long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (left <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				left--;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (left <= 0) {
				return -1;
			}
			int n = super.read(b, off, (int) Math.min(len, left));
			if (n > 0) {
				left -= n;
			}
			return n;
		}
	}
}
