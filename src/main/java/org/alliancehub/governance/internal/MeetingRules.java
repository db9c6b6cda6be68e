package org.alliancehub.governance.internal;

import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The small rules and look-ups the governance services share: who attends a meeting in what role, which
 * alliance holds a meeting, whether the current user acts for an organisation. Not part of the module's
 * face: other modules ask {@code Meetings}.
 */
@Component
public class MeetingRules {

	private final JdbcClient jdbc;

	private final Access access;

	MeetingRules(JdbcClient jdbc, Access access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** How a member of this role takes part in a meeting of this kind; null when it is not asked. */
	public static @Nullable AttendanceRole roleAt(MeetingKind kind, MembershipRole role) {
		return switch (kind) {
			case COUNCIL -> switch (role) {
				case CHAIR, VICE_CHAIR, SECRETARY_GENERAL, COUNCIL -> AttendanceRole.VOTING;
				case SUPERVISOR -> AttendanceRole.OBSERVER;
				case MEMBER -> null;
			};
			case GENERAL_ASSEMBLY -> AttendanceRole.VOTING;
			case SECRETARIAT -> role == MembershipRole.SECRETARY_GENERAL ? AttendanceRole.VOTING : null;
		};
	}

	/** The alliance that holds a meeting; not found for an unknown meeting. */
	public long allianceOf(long meetingId) {
		return jdbc.sql("select alliance_id from meeting where id = ?")
			.param(meetingId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("meeting " + meetingId));
	}

	/** Whether the current user is the representative of this organisation. */
	public boolean representsOrganization(long organizationId) {
		return access.organizationsActedFor().contains(organizationId);
	}
}
