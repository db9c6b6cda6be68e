package org.alliancehub.governance;

import org.alliancehub.governance.internal.Charter;
import org.alliancehub.governance.internal.Charters;
import org.alliancehub.governance.internal.MotionView;
import org.alliancehub.governance.internal.NewMotion;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.alliancehub.governance.GovernanceEvents.MeetingScheduled;
import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of an alliance, or of the network whose members are alliances: the same rules serve both.
 * Participants come from membership roles when a meeting is called: at a council meeting the chair,
 * vice-chairs, secretary-general and council units vote and supervisors attend without a vote (列席); at
 * a general assembly every active member votes; at a secretariat meeting the secretary-general unit does.
 */
@Service
public class Meetings {

	private static final String[] NUMERALS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Memberships memberships;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final org.alliancehub.membership.Applications applications;

	private final Charters charters;

	private final Organizations organizations;

	Meetings(JdbcClient jdbc, Alliances alliances, Memberships memberships, Access access,
			ApplicationEventPublisher events, org.alliancehub.membership.Applications applications, Charters charters,
			Organizations organizations) {
		this.organizations = organizations;
		this.applications = applications;
		this.charters = charters;
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.memberships = memberships;
		this.access = access;
		this.events = events;
	}

	/** 第二届第三次理事会: the title charters and minutes use. */
	static String title(MeetingKind kind, int term, int session) {
		return "第" + chinese(term) + "届第" + chinese(session) + "次" + kind.chinese();
	}

	static String chinese(int n) {
		if (n < 10) {
			return NUMERALS[n];
		}
		int tens = n / 10;
		return (tens == 1 ? "" : NUMERALS[tens]) + "十" + NUMERALS[n % 10];
	}

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

	@Transactional
	public MeetingView call(String slug, NewMeeting m) {
		Alliance alliance = alliances.get(slug);
		List<Invalid.FieldError> errors = m.missingPlace()
			.entrySet()
			.stream()
			.map(e -> new Invalid.FieldError(e.getKey(), e.getValue()))
			.toList();
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		String title = m.title() != null && !m.title().isBlank() ? m.title().strip()
				: title(m.kind(), m.term(), m.session());
		long id = jdbc.sql("""
				insert into meeting (alliance_id, kind, term, session, title, starts_at, mode, location, online_url)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(alliance.id(), m.kind().name(), m.term(), m.session(), title, m.startsAt(), m.mode().name(),
					m.location(), m.onlineUrl())
			.query(Long.class)
			.single();
		int position = 0;
		for (NewMeeting.AgendaInput item : m.agenda() == null ? List.<NewMeeting.AgendaInput>of() : m.agenda()) {
			jdbc.sql("insert into agenda_item (meeting_id, position, title, kind) values (?, ?, ?, ?)")
				.params(id, ++position, item.title().strip(), item.kind().name())
				.update();
		}
		for (Member member : memberships.members(alliance.id(), null, MembershipStatus.ACTIVE)) {
			AttendanceRole role = roleAt(m.kind(), member.role());
			if (role != null) {
				jdbc.sql("insert into participant (meeting_id, organization_id, role) values (?, ?, ?)")
					.params(id, member.organizationId(), role.name())
					.update();
			}
		}
		events.publishEvent(new MeetingScheduled(id, alliance.id(), title));
		return get(id);
	}

	public MeetingView get(long id) {
		record Row(long allianceId, MeetingKind kind, int term, int session, String title, OffsetDateTime startsAt,
				MeetingMode mode, @Nullable String location, @Nullable String onlineUrl, long version) {
		}
		Row r = jdbc.sql("select alliance_id, kind, term, session, title, starts_at, mode, location, online_url, version from meeting where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class), MeetingMode.valueOf(rs.getString(7)),
					rs.getString(8), rs.getString(9), rs.getLong(10)))
			.optional()
			.orElseThrow(() -> new NotFound("meeting " + id));
		java.util.Map<Integer, List<MeetingView.Document>> documents = new java.util.HashMap<>();
		jdbc.sql("""
				select i.position, d.id, d.filename, d.content_type, d.size_bytes from agenda_document d
				join agenda_item i on i.id = d.agenda_item_id where i.meeting_id = ? order by d.id""")
			.param(id)
			.query(rs -> {
				documents.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
					.add(new MeetingView.Document(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
							MeetingView.Document.url(id, rs.getLong(2))));
			});
		List<MeetingView.AgendaItem> agenda = jdbc
			.sql("select position, title, kind from agenda_item where meeting_id = ? order by position")
			.param(id)
			.query((rs, i) -> new MeetingView.AgendaItem(rs.getInt(1), rs.getString(2), AgendaKind.valueOf(rs.getString(3)),
					List.copyOf(documents.getOrDefault(rs.getInt(1), List.of()))))
			.list();
		record Attending(long organizationId, String role, boolean present, @Nullable String reply) {
		}
		List<Attending> rows = jdbc.sql("select organization_id, role, present, reply from participant where meeting_id = ?")
			.param(id)
			.query((rs, i) -> new Attending(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
			.list();
		Map<Long, String> names = organizations.names(rows.stream().map(Attending::organizationId).toList());
		List<MeetingView.Participant> participants = rows.stream()
			.map(p -> new MeetingView.Participant(p.organizationId(), names.getOrDefault(p.organizationId(), ""),
					AttendanceRole.valueOf(p.role()), p.present(), p.reply()))
			// by role as stored (VOTING before ATTENDING), then by name, as the list always read
			.sorted(Comparator.comparing((MeetingView.Participant p) -> p.role().name()).reversed()
				.thenComparing(MeetingView.Participant::organizationName))
			.toList();
		int eligible = (int) participants.stream().filter(p -> p.role() == AttendanceRole.VOTING).count();
		int present = presentCounted(id, participants);
		return new MeetingView(id, alliances.get(r.allianceId()).slug(), r.kind(), r.term(), r.session(), r.title(),
				r.startsAt(), r.mode(), r.location(), r.onlineUrl(), agenda, participants, eligible, present, r.version());
	}

	/**
	 * The voting participants counted present: those checked in, and those who gave their vote by written
	 * proxy to a voting participant who is checked in.
	 */
	private int presentCounted(long meetingId, List<MeetingView.Participant> participants) {
		java.util.Set<Long> here = new java.util.HashSet<>();
		participants.stream().filter(p -> p.role() == AttendanceRole.VOTING && p.present())
			.forEach(p -> here.add(p.organizationId()));
		List<Long> byProxy = jdbc.sql("select grantor_id, holder_id from proxy where meeting_id = ?")
			.param(meetingId)
			.query((rs, i) -> here.contains(rs.getLong(2)) ? rs.getLong(1) : null)
			.list();
		byProxy.stream().filter(java.util.Objects::nonNull).forEach(here::add);
		return here.size();
	}

	public long allianceOf(long meetingId) {
		return jdbc.sql("select alliance_id from meeting where id = ?")
			.param(meetingId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("meeting " + meetingId));
	}

	/**
	 * Checks in (or out) a participant: the secretariat for anyone, a representative for its own organisation.
	 * Who may see the meeting at all is checked before ({@code @access.canRead('meeting', id)}).
	 */
	@Transactional
	public MeetingView attendance(long meetingId, long organizationId, boolean present) {
		long allianceId = allianceOf(meetingId);
		if (!access.canManage(allianceId) && !representsOrganization(organizationId)) {
			throw new Forbidden("only the secretariat or the organisation's representative may check in");
		}
		int n = jdbc.sql("update participant set present = ? where meeting_id = ? and organization_id = ?")
			.params(present, meetingId, organizationId)
			.update();
		if (n == 0) {
			throw Invalid.field("organizationId", "not a participant of this meeting");
		}
		return get(meetingId);
	}

	public boolean representsOrganization(long organizationId) {
		return access.organizationsActedFor().contains(organizationId);
	}

	@Transactional
	public MotionView propose(long meetingId, NewMotion m) {
		long allianceId = allianceOf(meetingId);
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
	static MotionType typeOf(@Nullable MotionType asked, @Nullable Long admitsApplication, List<Invalid.FieldError> errors) {
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

	public MotionView motion(long id) {
		List<Long> drafters = jdbc.sql("select organization_id from motion_drafter where motion_id = ? order by organization_id")
			.param(id)
			.query(Long.class)
			.list();
		return jdbc.sql("select id, meeting_id, title, text, ballot, majority, quorum, status, outcome, opened_at, closed_at, type, electorate, deadline from motion where id = ?")
			.param(id)
			.query((rs, i) -> new MotionView(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					Ballot.valueOf(rs.getString(5)), Majority.valueOf(rs.getString(6)), rs.getBigDecimal(7),
					MotionStatus.valueOf(rs.getString(8)),
					rs.getString(9) == null ? null : MotionOutcome.valueOf(rs.getString(9)),
					rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class),
					MotionType.valueOf(rs.getString(12)),
					rs.getString(13) == null ? null : Electorate.valueOf(rs.getString(13)),
					rs.getObject(14, OffsetDateTime.class), drafters))
			.optional()
			.orElseThrow(() -> new NotFound("motion " + id));
	}

	public List<MotionView> motions(long meetingId) {
		return jdbc.sql("select id from motion where meeting_id = ? order by id")
			.param(meetingId)
			.query(Long.class)
			.list()
			.stream()
			.map(this::motion)
			.toList();
	}
}
