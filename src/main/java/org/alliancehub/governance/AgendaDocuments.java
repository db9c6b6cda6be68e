package org.alliancehub.governance;

import java.io.ByteArrayInputStream;

import org.alliancehub.governance.internal.MeetingDocuments;
import org.alliancehub.governance.internal.MeetingRules;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.springframework.stereotype.Service;

/**
 * Governance's face for other modules that put a document on a meeting's agenda (the network's annual report on
 * its council meeting, say): they hand over the file; governance stores it on the agenda item, where the
 * meeting's participants and secretariat find it, and announces it as for any attached document.
 */
@Service
public class AgendaDocuments {

	private final MeetingDocuments documents;

	private final MeetingRules rules;

	AgendaDocuments(MeetingDocuments documents, MeetingRules rules) {
		this.documents = documents;
		this.rules = rules;
	}

	/**
	 * Attaches {@code content} to item {@code position} of a meeting of {@code allianceId}. A meeting that does not
	 * exist or belongs to another body is named as a wrong {@code meetingId} (the same answer for both).
	 */
	public MeetingView.Document attach(long allianceId, long meetingId, int position, String filename, byte[] content) {
		long owner;
		try {
			owner = rules.allianceOf(meetingId);
		}
		catch (NotFound e) {
			throw Invalid.field("meetingId", "no meeting of this body");
		}
		if (owner != allianceId) {
			throw Invalid.field("meetingId", "no meeting of this body");
		}
		return documents.attach(meetingId, position, filename, content.length, new ByteArrayInputStream(content));
	}
}
