package org.alliancehub.annual.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.MeetingView;

/** A meeting of the network with its agenda, as the form attaching the annual report offers it. */
public record MeetingChoice(long id, String title, OffsetDateTime startsAt, List<MeetingView.AgendaItem> agenda) {
}
