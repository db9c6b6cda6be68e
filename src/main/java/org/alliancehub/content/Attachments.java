package org.alliancehub.content;

import java.io.InputStream;
import java.nio.file.Path;

import org.alliancehub.content.ContentEvents.ContentChanged;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to articles: checked and stored by the platform's {@link Uploads} (type from the bytes,
 * size while they arrive); whoever may read the article may download them.
 */
@Service
public class Attachments {

	private final JdbcClient jdbc;

	private final Articles articles;

	private final Uploads uploads;

	private final ApplicationEventPublisher events;

	private final KeptArticles kept;

	Attachments(JdbcClient jdbc, Articles articles, Uploads uploads, ApplicationEventPublisher events, KeptArticles kept) {
		this.jdbc = jdbc;
		this.articles = articles;
		this.uploads = uploads;
		this.events = events;
		this.kept = kept;
	}

	/** A stored file ready to be sent. */
	public record StoredFile(Attachment attachment, Path path) {
	}

	/** Attaches a file to an article; the caller has checked {@code @access.canManage('article', #articleId)}. */
	@Transactional
	public Attachment attach(long articleId, String filename, long declaredSize, InputStream content) {
		Article article = articles.raw(articleId);
		Uploads.Stored f = uploads.store(filename, declaredSize, content, Uploads.DOCUMENTS);
		long id = jdbc.sql("insert into attachment (article_id, filename, content_type, size_bytes, sha256) values (?, ?, ?, ?, ?) returning id")
			.params(articleId, f.filename(), f.contentType(), f.sizeBytes(), f.sha256())
			.query(Long.class)
			.single();
		kept.changed(article.allianceId());
		events.publishEvent(new ContentChanged("attachment", id, article.allianceId(), "attached " + f.filename()));
		return new Attachment(id, articleId, f.filename(), f.contentType(), f.sizeBytes());
	}

	/** A stored file; the caller has checked {@code @access.canRead('attachment', #attachmentId)}: whoever may read its article. */
	public StoredFile open(long attachmentId) {
		record Row(Attachment attachment, String sha) {
		}
		Row row = jdbc.sql("select id, article_id, filename, content_type, size_bytes, sha256 from attachment where id = ?")
			.param(attachmentId)
			.query((rs, i) -> new Row(new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)), rs.getString(6)))
			.optional()
			.orElseThrow(() -> new NotFound("file " + attachmentId));
		return new StoredFile(row.attachment(), uploads.path(row.sha()));
	}

	/** Removes a file; the caller has checked {@code @access.canManage('attachment', #attachmentId)}. */
	@Transactional
	public void remove(long attachmentId) {
		StoredFile f = open(attachmentId);
		Article article = articles.raw(f.attachment().articleId());
		jdbc.sql("delete from attachment where id = ?").param(attachmentId).update();
		kept.changed(article.allianceId());
		events.publishEvent(new ContentChanged("attachment", attachmentId, article.allianceId(),
				"removed " + f.attachment().filename()));
	}
}
