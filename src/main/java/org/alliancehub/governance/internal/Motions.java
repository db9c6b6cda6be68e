package org.alliancehub.governance.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.membership.Applications;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Motions: put to a meeting (or, through {@link Correspondence}, to the voters by correspondence), with the
 * majority and quorum the charter gives, the drafting organisations of a group standard, and what an
 * adopted motion carries out (admitting an applicant). Votes on them are {@link Ballots}' business.
 */
@Service
public class Motions {

	private final JdbcClient jdbc;

	private final MeetingRules rules;

	private final Charters charters;

	private final Applications applications;

	Motions(JdbcClient jdbc, MeetingRules rules, Charters charters, Applications applications) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.charters = charters;
		this.applications = applications;
	}

	@Transactional
	public MotionView propose(long meetingId, NewMotion m) {
		long allianceId = rules.allianceOf(meetingId);
		MeetingKind kind = MeetingKind.valueOf(jdbc.sql("select kind from meeting where id = ?").param(meetingId)
			.query(String.class).single());
		List<Long> voting = jdbc.sql("select organization_id from participant where meeting_id = ? and role = 'VOTING'")
			.param(meetingId)
			.query(Long.class)
			.list();
		List<Invalid.FieldError> errors = new ArrayList<>();
		MotionType type = typeOf(m.type(), m.admitsApplication(), errors);
		Charter.Rules rules = charters.of(allianceId).rulesFor(kind, type, m.majority(), m.quorum(), errors);
		List<Long> drafters = drafters(type, m.draftingOrganizationIds(), voting, "a voting participant of this meeting",
				errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (m.admitsApplication() != null) {
			try {
				if (applications.get(m.admitsApplication()).allianceId() != allianceId) {
					throw Invalid.field("admitsApplication", "the application is to another alliance");
				}
			}
			catch (NotFound e) {
				throw Invalid.field("admitsApplication", "no such application");
			}
			applications.refer(m.admitsApplication());
		}
		long id = jdbc.sql("insert into motion (meeting_id, title, text, ballot, majority, quorum, admits_application_id, type, alliance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(meetingId, m.title().strip(), m.text(), (m.ballot() != null ? m.ballot() : Ballot.OPEN).name(),
					rules.majority().name(), rules.quorum(), m.admitsApplication(), type.name(), allianceId)
			.query(Long.class)
			.single();
		recordDrafters(id, drafters);
		return motion(id);
	}

	/** A motion's type: as given, or ADMISSION when it admits an application, else ORDINARY. */
	private static MotionType typeOf(@Nullable MotionType asked, @Nullable Long admitsApplication, List<Invalid.FieldError> errors) {
		if (admitsApplication != null && asked != null && asked != MotionType.ADMISSION) {
			errors.add(new Invalid.FieldError("type", "a motion that admits an application is of type ADMISSION"));
		}
		return asked != null ? asked : admitsApplication != null ? MotionType.ADMISSION : MotionType.ORDINARY;
	}

	/**
	 * The drafting organisations of a group standard: required for one, refused for any other motion, and
	 * each must be among the motion's voters (otherwise leaving it out of the vote would mean nothing).
	 */
	public static List<Long> drafters(MotionType type, @Nullable List<Long> asked, java.util.Collection<Long> voters,
			String voterWord, List<Invalid.FieldError> errors) {
		List<Long> ids = asked == null ? List.of() : asked.stream().distinct().toList();
		if (type == MotionType.GROUP_STANDARD && ids.isEmpty()) {
			errors.add(new Invalid.FieldError("draftingOrganizationIds", "a group standard names its drafting organisations"));
		}
		if (type != MotionType.GROUP_STANDARD && !ids.isEmpty()) {
			errors.add(new Invalid.FieldError("draftingOrganizationIds", "only a GROUP_STANDARD motion has drafting organisations"));
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!voters.contains(ids.get(i))) {
				errors.add(new Invalid.FieldError("draftingOrganizationIds[" + i + "]", "not " + voterWord));
			}
		}
		return ids;
	}

	public void recordDrafters(long motionId, List<Long> drafters) {
		for (Long org : drafters) {
			jdbc.sql("insert into motion_drafter (motion_id, organization_id) values (?, ?)").params(motionId, org).update();
		}
	}

	/** The alliance a motion belongs to, whether it was put to a meeting or by correspondence. */
	public long allianceOfMotion(long motionId) {
		return jdbc.sql("select alliance_id from motion where id = ?")
			.param(motionId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("motion " + motionId));
	}

	/** Carries out what an adopted motion decides: admitting its applicant. */
	public void carryOut(long motionId, MotionOutcome outcome) {
		List<Long> admits = jdbc.sql("select admits_application_id from motion where id = ? and admits_application_id is not null")
			.param(motionId)
			.query(Long.class)
			.list();
		if (admits.isEmpty()) {
			return;
		}
		long application = admits.get(0);
		switch (outcome) {
			case ADOPTED -> applications.decide(application, true);
			case REJECTED -> applications.decide(application, false);
			case NO_QUORUM -> applications.reopen(application);
		}
	}

	/** A motion with its drafting organisations; not found for an unknown one. */
	public MotionView motion(long id) {
		return read(" where id = ?", id).stream().findFirst().orElseThrow(() -> new NotFound("motion " + id));
	}

	/** The motions put to a meeting, in the order they were proposed: two statements, whatever their number. */
	public List<MotionView> motions(long meetingId) {
		return read(" where meeting_id = ?", meetingId);
	}

	private List<MotionView> read(String where, long param) {
		Map<Long, List<Long>> drafters = new HashMap<>();
		jdbc.sql("select motion_id, organization_id from motion_drafter where motion_id in (select id from motion"
				+ where + ") order by organization_id")
			.param(param)
			.query(rs -> {
				drafters.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return jdbc.sql("select id, meeting_id, title, text, ballot, majority, quorum, status, outcome, opened_at, closed_at, type, electorate, deadline from motion" + where + " order by id")
			.param(param)
			.query((rs, i) -> new MotionView(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					Ballot.valueOf(rs.getString(5)), Majority.valueOf(rs.getString(6)), rs.getBigDecimal(7),
					MotionStatus.valueOf(rs.getString(8)),
					rs.getString(9) == null ? null : MotionOutcome.valueOf(rs.getString(9)),
					rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
					MotionType.valueOf(rs.getString(12)),
					rs.getString(13) == null ? null : Electorate.valueOf(rs.getString(13)),
					rs.getObject(14, OffsetDateTime.class), drafters.getOrDefault(rs.getLong(1), new ArrayList<>())))
			.list();
	}
}
