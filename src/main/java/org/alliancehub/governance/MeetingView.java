package org.alliancehub.governance;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.jspecify.annotations.Nullable;

/** A meeting with its agenda and participants, and whether the present voting participants make a quorum. */
public record MeetingView(long id, String alliance, MeetingKind kind, int term, int session, String title,
		OffsetDateTime startsAt, MeetingMode mode, @Nullable String location, @Nullable String onlineUrl,
		List<AgendaItem> agenda, List<Participant> participants, int eligible, int present, long version) {

	public record AgendaItem(int position, String title, AgendaKind kind, List<Document> documents) {
	}

	/** A document attached to an agenda item; participants and the secretariat download it from {@link #url()}. */
	public record Document(long id, String filename, String contentType, long sizeBytes, String url) {

		public static String url(long meetingId, long documentId) {
			return "/api/v1/meetings/" + meetingId + "/documents/" + documentId;
		}
	}

	/** A participant; {@code reply} is ATTEND or DECLINE once it has answered the invitation. */
	public record Participant(long organizationId, String organizationName, AttendanceRole role, boolean present,
			@Nullable String reply) {
	}
}
