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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Uploaded files, for every module that takes them (article attachments, meeting documents, survey answers).
 * The type is decided from the bytes (Apache Tika), not from what the browser claims, and only the documents
 * and pictures an alliance works with are accepted; the size is checked while the bytes arrive. Files are
 * stored once per content, named by their SHA-256, in PostgreSQL ({@code upload_file}), so that every node of
 * the platform reads them; the owning module keeps the row that says who may read them. Each node keeps a copy
 * of the files it stored or served in its data directory ({@code uploads/}), fetched from the database on first
 * use ({@link #path}): the name is the content's hash, so a copy is never stale.
 * <p>
 * On upgrade, the files that an earlier version kept only in {@code uploads/} are copied into the database at
 * start-up, each checked against its name and inserted in one statement (a file is in the table whole or not at
 * all), the files themselves staying where they are as this node's copies; a start-up that is interrupted
 * goes on where it stopped the next time, and one with nothing left to copy reads the directory and one query.
 */
@Service
public class Uploads implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	/** Office documents, PDF, pictures and plain text. */
	public static final Set<String> DOCUMENTS = Set.of("application/pdf", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "image/png", "image/jpeg",
			"image/gif", "text/plain");

	/** A file as stored: its cleaned name, the type found in its bytes, its size and content hash. */
	public record Stored(String filename, String contentType, long sizeBytes, String sha256) {
	}

	/**
	 * Tika's detector, made on the first upload rather than at start: reading its MIME types costs a start a
	 * noticeable part of a second that no request needs before someone uploads.
	 */
	private static final class Detector {

		static final Tika TIKA = new Tika();

	}

	private final AllianceHubProperties properties;

	private final org.springframework.beans.factory.ObjectProvider<Holder> holders;

	private final JdbcTemplate jdbc;

	Uploads(AllianceHubProperties properties, org.springframework.beans.factory.ObjectProvider<Holder> holders,
			JdbcTemplate jdbc) {
		this.properties = properties;
		this.holders = holders;
		this.jdbc = jdbc;
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
		Path file = local(sha256);
		for (Holder h : holders) {
			if (h.holds(sha256)) {
				return false;
			}
		}
		try {
			int rows = jdbc.update("delete from upload_file where sha256 = ?", sha256);
			return Files.deleteIfExists(file) | rows > 0;
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
					type = Detector.TIKA.detect(in, name);
				}
				if (!accepted.contains(type)) {
					throw new UnsupportedType("files of type " + type + " are not accepted");
				}
				String hash = HexFormat.of().formatHex(sha.digest());
				// in the caller's transaction: the bytes are kept exactly when the module's row that names them is
				insert(hash, temp, size);
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

	/**
	 * Where a stored file's bytes are on this node: its copy in the data directory, fetched from the database
	 * when this node has none yet. A file the database does not have either answers a path that does not exist.
	 */
	public Path path(String sha256) {
		Path file = local(sha256);
		if (Files.exists(file)) {
			return file;
		}
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), "fetch-", ".part");
			try {
				Boolean found = jdbc.query("select content from upload_file where sha256 = ?", rs -> {
					if (!rs.next()) {
						return false;
					}
					try (InputStream in = rs.getBinaryStream(1)) {
						Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					return true;
				}, sha256);
				if (Boolean.TRUE.equals(found) && !Files.exists(file)) {
					Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	/** Whether the database holds a file of this content. */
	public boolean stored(String sha256) {
		local(sha256); // checks the form
		return jdbc.queryForObject("select count(*) from upload_file where sha256 = ?", Long.class, sha256) > 0;
	}

	/** The start-up step of an upgrade: copies the files kept only on disk into the database. */
	@Override
	public void run(ApplicationArguments args) {
		int copied = migrateFromDisk();
		if (copied > 0) {
			log.info("uploads: copied {} files from {} into the database", copied, properties.uploads());
		}
	}

	/**
	 * Copies every file of {@code uploads/} that the database does not hold into it, each after checking that
	 * its bytes hash to its name (a file that does not is left alone and named in the log). Idempotent; answers
	 * how many files were copied.
	 */
	public int migrateFromDisk() {
		Path dir = properties.uploads();
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		List<String> onDisk = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			files.map(f -> f.getFileName().toString()).filter(n -> HASH.matcher(n).matches()).forEach(onDisk::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (onDisk.isEmpty()) {
			return 0;
		}
		Set<String> known = new HashSet<>(jdbc.queryForList("select sha256 from upload_file where sha256 = any (?)",
				String.class, (Object) onDisk.toArray(String[]::new)));
		int copied = 0;
		for (String hash : onDisk) {
			if (known.contains(hash)) {
				continue;
			}
			Path file = dir.resolve(hash);
			try {
				MessageDigest sha = Hashes.digest();
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
					in.transferTo(java.io.OutputStream.nullOutputStream());
				}
				if (!HexFormat.of().formatHex(sha.digest()).equals(hash)) {
					log.warn("uploads: {} does not hash to its name; left on disk, not copied", file);
					continue;
				}
				copied += insert(hash, file, Files.size(file));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return copied;
	}

	/** Inserts a file's bytes unless the database holds them already; answers 1 when it did. */
	private int insert(String hash, Path file, long size) {
		return jdbc.update(
				"insert into upload_file (sha256, size_bytes, content) values (?, ?, ?) on conflict (sha256) do nothing",
				ps -> {
					ps.setString(1, hash);
					ps.setLong(2, size);
					try {
						ps.setBytes(3, Files.readAllBytes(file)); // at most alliancehub.max-upload-bytes
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
	}

	private Path local(String sha256) {
		if (!HASH.matcher(sha256).matches()) {
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
