package org.alliancehub.demo;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.alliancehub.content.Visibility;
import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.MinutesDraft;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.Resolutions;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The meetings the seeds report, held through the governance module as their secretariat would: called with
 * their agenda, the voting participants checked in, the resolution written and the minutes approved and
 * published, so that they stand on the site and in the search. The seeds give no vote counts, so no votes
 * are invented: the resolution states what was adopted, in the secretariat's own words.
 */
@Component
class DemoMeetings {

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MeetingSpec(String alliance, MeetingKind kind, int term, int session, OffsetDateTime startsAt,
			MeetingMode mode, @Nullable String location, String summary, List<AgendaSpec> agenda,
			@Nullable String resolution) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AgendaSpec(String title, AgendaKind kind) {
	}

	private final Meetings meetings;

	private final Minutes minutes;

	private final Resolutions resolutions;

	private final Users users;

	private final AllianceHubProperties properties;

	DemoMeetings(Meetings meetings, Minutes minutes, Resolutions resolutions, Users users,
			AllianceHubProperties properties) {
		this.meetings = meetings;
		this.minutes = minutes;
		this.resolutions = resolutions;
		this.users = users;
		this.properties = properties;
	}

	/** Holds the meeting as the alliance's secretariat account {@code secretariat}. */
	void hold(MeetingSpec spec, String secretariat) {
		SignedIn.as(users, secretariat, () -> held(spec));
	}

	private void held(MeetingSpec spec) {
		// an online meeting of the demo met on the platform itself, where its participants sign in
		String link = spec.mode() == MeetingMode.ONSITE ? null : properties.link("/");
		MeetingView m = meetings.call(spec.alliance(), new NewMeeting(spec.kind(), spec.term(), spec.session(), null,
				spec.startsAt(), spec.mode(), spec.location(), link,
				spec.agenda().stream().map(a -> new NewMeeting.AgendaInput(a.title(), a.kind())).toList()));
		m.participants()
			.stream()
			.filter(p -> p.role() == AttendanceRole.VOTING)
			.forEach(p -> meetings.attendance(m.id(), p.organizationId(), true));
		if (spec.resolution() != null) {
			resolutions.edit(m.id(), spec.resolution(), 0L);
		}
		long version = minutes.write(m.id(),
				new MinutesDraft("<p>" + HtmlUtils.htmlEscape(spec.summary()) + "</p>", Visibility.PUBLIC, 0L)).version();
		version = minutes.approve(m.id(), version).version();
		minutes.publish(m.id(), version);
	}
}
