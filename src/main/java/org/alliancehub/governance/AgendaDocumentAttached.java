package org.alliancehub.governance;

import org.alliancehub.shared.DomainEvent;

/** A document was attached to an item of a meeting's agenda. */
public record AgendaDocumentAttached(long id, Long allianceId, long meetingId, String filename) implements DomainEvent {

	public String action() {
		return "meeting.document-attached";
	}

	public String subject() {
		return "meeting:" + meetingId;
	}

	public String summary() {
		return "attached " + filename + " to the agenda";
	}
}
