package org.alliancehub.content;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

import org.alliancehub.content.ContentEvents.ContentChanged;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.NotFound;
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

	private final JdbcClient jdbc;

	private final Articles articles;

	private final Uploads uploads;

	private final ApplicationEventPublisher events;

	Attachments(JdbcClient jdbc, Articles articles, Uploads uploads, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.uploads = uploads;
		this.events = events;
	}

	/** A stored file ready to be sent. */
	public record StoredFile(Attachment attachment, Path path) {
	}

	@Transactional
	public Attachment attach(long articleId, String filename, long declaredSize, InputStream content) {
		Article article = articles.raw(articleId);
		articles.requireManage(article);
		Uploads.Stored f = uploads.store(filename, declaredSize, content, ACCEPTED);
		long id = jdbc.sql("insert into attachment (article_id, filename, content_type, size_bytes, sha256) values (?, ?, ?, ?, ?) returning id")
			.params(articleId, f.filename(), f.contentType(), f.sizeBytes(), f.sha256())
			.query(Long.class)
			.single();
		events.publishEvent(new ContentChanged("attachment", id, article.allianceId(), "attached " + f.filename()));
		return new Attachment(id, articleId, f.filename(), f.contentType(), f.sizeBytes());
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
		return new StoredFile(row.attachment(), uploads.path(row.sha()));
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
}
