package org.alliancehub.governance.web;

import java.util.List;

import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;

/** The call-a-meeting form as typed, so that a refused form comes back with nothing lost. */
public record MeetingForm(MeetingKind kind, String term, String session, String title, String startsAt,
		MeetingMode mode, String location, String onlineUrl, List<Row> agenda) {

	static final int AGENDA_ROWS = 8;

	public record Row(String title, AgendaKind kind) {
	}
}
