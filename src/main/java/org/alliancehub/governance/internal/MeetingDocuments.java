package org.alliancehub.governance.internal;

import org.alliancehub.governance.AgendaDocumentAttached;
import org.alliancehub.governance.MeetingView;

import java.io.InputStream;
import java.nio.file.Path;

import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents attached to a meeting's agenda items. The secretariat attaches them; they are read by the
 * secretariat and by the representatives of the organisations taking part (voting or observing), and by
 * nobody else: to anyone else a document does not exist.
 */
@Service
public class MeetingDocuments {

	private final JdbcClient jdbc;

	private final MeetingRules rules;

	private final Uploads uploads;

	private final ApplicationEventPublisher events;

	MeetingDocuments(JdbcClient jdbc, MeetingRules rules, Uploads uploads, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.uploads = uploads;
		this.events = events;
	}

	/** A document ready to be sent. */
	public record StoredDocument(MeetingView.Document document, Path path) {
	}

	@Transactional
	public MeetingView.Document attach(long meetingId, int position, String filename, long declaredSize,
			InputStream content) {
		long allianceId = rules.allianceOf(meetingId);
		long itemId = jdbc.sql("select id from agenda_item where meeting_id = ? and position = ?")
			.params(meetingId, position)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> Invalid.field("position", "the agenda has no item " + position));
		Uploads.Stored f = uploads.store(filename, declaredSize, content, Uploads.DOCUMENTS);
		long id = jdbc.sql("insert into agenda_document (agenda_item_id, filename, content_type, size_bytes, sha256) values (?, ?, ?, ?, ?) returning id")
			.params(itemId, f.filename(), f.contentType(), f.sizeBytes(), f.sha256())
			.query(Long.class)
			.single();
		events.publishEvent(new AgendaDocumentAttached(id, allianceId, meetingId, f.filename()));
		return new MeetingView.Document(id, f.filename(), f.contentType(), f.sizeBytes(),
				MeetingView.Document.url(meetingId, id));
	}

	public StoredDocument open(long meetingId, long documentId) {
		record Row(MeetingView.Document document, String sha) {
		}
		Row row = jdbc.sql("""
				select d.id, d.filename, d.content_type, d.size_bytes, d.sha256 from agenda_document d
				join agenda_item i on i.id = d.agenda_item_id where d.id = ? and i.meeting_id = ?""")
			.params(documentId, meetingId)
			.query((rs, i) -> new Row(new MeetingView.Document(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getLong(4), MeetingView.Document.url(meetingId, rs.getLong(1))), rs.getString(5)))
			.optional()
			.orElseThrow(() -> new NotFound("document " + documentId));
		return new StoredDocument(row.document(), uploads.path(row.sha()));
	}
}
