package org.alliancehub.content;

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

import org.alliancehub.content.ContentEvents.ContentChanged;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.apache.tika.Tika;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to articles. The type is decided from the bytes (Apache Tika), not from what the browser
 * claims, and only documents and pictures an alliance publishes are accepted. Files are stored once per
 * content (named by their SHA-256) in the data directory.
 */
@Service
public class Attachments {

	static final Set<String> ACCEPTED = Set.of("application/pdf", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "image/png", "image/jpeg",
			"image/gif", "text/plain");

	private final Tika tika = new Tika();

	private final JdbcClient jdbc;

	private final Articles articles;

	private final AllianceHubProperties properties;

	private final ApplicationEventPublisher events;

	Attachments(JdbcClient jdbc, Articles articles, AllianceHubProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.properties = properties;
		this.events = events;
	}

	/** A stored file ready to be sent. */
	public record StoredFile(Attachment attachment, Path path) {
	}

	@Transactional
	public Attachment attach(long articleId, String filename, long declaredSize, InputStream content) {
		Article article = articles.raw(articleId);
		articles.requireManage(article);
		String name = cleanName(filename);
		if (declaredSize > properties.maxUploadBytes()) {
			throw new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
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
					throw new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
				}
				if (size == 0) {
					throw Invalid.field("file", "the file is empty");
				}
				String type;
				try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(temp))) {
					type = tika.detect(in, name);
				}
				if (!ACCEPTED.contains(type)) {
					throw new UnsupportedType("files of type " + type + " are not accepted");
				}
				String hash = HexFormat.of().formatHex(sha.digest());
				Path target = dir.resolve(hash);
				if (!Files.exists(target)) {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				long id = jdbc.sql("insert into attachment (article_id, filename, content_type, size_bytes, sha256) values (?, ?, ?, ?, ?) returning id")
					.params(articleId, name, type, size, hash)
					.query(Long.class)
					.single();
				events.publishEvent(new ContentChanged("attachment", id, article.allianceId(), "attached " + name));
				return new Attachment(id, articleId, name, type, size);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A file the current viewer may download: whoever may read its article. */
	public StoredFile open(long attachmentId) {
		record Row(Attachment attachment, String sha) {
		}
		Row row = jdbc.sql("select id, article_id, filename, content_type, size_bytes, sha256 from attachment where id = ?")
			.param(attachmentId)
			.query((rs, i) -> new Row(new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)), rs.getString(6)))
			.optional()
			.orElseThrow(() -> new NotFound("file " + attachmentId));
		articles.get(row.attachment().articleId());
		return new StoredFile(row.attachment(), properties.uploads().resolve(row.sha()));
	}

	@Transactional
	public void remove(long attachmentId) {
		StoredFile f = open(attachmentId);
		Article article = articles.raw(f.attachment().articleId());
		articles.requireManage(article);
		jdbc.sql("delete from attachment where id = ?").param(attachmentId).update();
		events.publishEvent(new ContentChanged("attachment", attachmentId, article.allianceId(),
				"removed " + f.attachment().filename()));
	}

	static String cleanName(String filename) {
		String base = filename == null ? "" : filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			throw Invalid.field("file", "a file name is required");
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}
}
