package org.alliancehub.annual.web;

import java.util.List;

import org.alliancehub.annual.AnnualReports;
import org.alliancehub.annual.internal.NetworkReportPdf;
import org.alliancehub.governance.AgendaDocuments;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.Minutes;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.NotFound;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The network's compiled annual report put on an item of one of its meetings' agenda (its council meeting's
 * item on the year's work), for the API and the back-office form alike, and the meetings the form offers.
 */
@Component
class AgendaAttachments {

	/** The meetings offered, newest first. */
	static final int OFFERED = 20;

	private final AnnualReports reports;

	private final NetworkReportPdf pdf;

	private final AgendaDocuments agenda;

	private final Alliances alliances;

	private final Minutes minutes;

	private final Meetings meetings;

	AgendaAttachments(AnnualReports reports, NetworkReportPdf pdf, AgendaDocuments agenda, Alliances alliances,
			Minutes minutes, Meetings meetings) {
		this.reports = reports;
		this.pdf = pdf;
		this.agenda = agenda;
		this.alliances = alliances;
		this.minutes = minutes;
		this.meetings = meetings;
	}

	/** Renders the report of the year and attaches it to the item; 404 for a year not requested. */
	MeetingView.Document attach(int year, long meetingId, int position) {
		reports.requestOf(year);
		byte[] file = pdf.render(year, LocaleContextHolder.getLocale(), (stage, done, total) -> {
		});
		return agenda.attach(network(), meetingId, position, "network-annual-report-" + year + ".pdf", file);
	}

	/** The network's newest meetings that have an agenda. */
	List<MeetingChoice> choices() {
		return minutes.register(network()).stream()
			.limit(OFFERED)
			.map(m -> meetings.get(m.id()))
			.filter(m -> !m.agenda().isEmpty())
			.map(m -> new MeetingChoice(m.id(), m.title(), m.startsAt(), m.agenda()))
			.toList();
	}

	private long network() {
		return alliances.networkId().orElseThrow(() -> new NotFound("network"));
	}
}
