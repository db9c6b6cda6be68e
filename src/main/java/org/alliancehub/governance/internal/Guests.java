package org.alliancehub.governance.internal;

import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;

import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invited guests (特邀嘉宾): organisations the secretariat invites to a meeting beyond those its membership
 * roles bring. A guest attends as an observer (列席): it is invited, replies and checks in like any other
 * participant, and never votes.
 */
@Service
public class Guests {

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final Organizations organizations;

	Guests(JdbcClient jdbc, Meetings meetings, Organizations organizations) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.organizations = organizations;
	}

	@Transactional
	public MeetingView invite(long meetingId, long organizationId) {
		try {
			organizations.get(organizationId);
		}
		catch (NotFound e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		int added = jdbc.sql("insert into participant (meeting_id, organization_id, role) values (?, ?, 'OBSERVER') on conflict do nothing")
			.params(meetingId, organizationId)
			.update();
		if (added == 0) {
			throw new Conflict("organisation " + organizationId + " takes part in this meeting already");
		}
		return meetings.get(meetingId);
	}
}
