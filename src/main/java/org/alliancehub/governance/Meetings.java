package org.alliancehub.governance;

import org.alliancehub.governance.internal.MeetingRules;

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

	private final MeetingRules rules;

	private final Organizations organizations;

	Meetings(JdbcClient jdbc, Alliances alliances, Memberships memberships, Access access,
			ApplicationEventPublisher events, MeetingRules rules, Organizations organizations) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.memberships = memberships;
		this.access = access;
		this.events = events;
		this.rules = rules;
		this.organizations = organizations;
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
			AttendanceRole role = MeetingRules.roleAt(m.kind(), member.role());
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
				.thenComparing(MeetingView.Participant::organizationName, org.alliancehub.shared.ChineseOrder.NAMES))
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

	/**
	 * Checks in (or out) a participant: the secretariat for anyone, a representative for its own organisation.
	 * Who may see the meeting at all is checked before ({@code @access.canRead('meeting', id)}).
	 */
	@Transactional
	public MeetingView attendance(long meetingId, long organizationId, boolean present) {
		long allianceId = rules.allianceOf(meetingId);
		if (!access.canManage(allianceId) && !rules.representsOrganization(organizationId)) {
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

	/** The facts of a motion, put to a meeting or voted by correspondence, for modules that refer to it by id. */
	public MotionFacts motionFacts(long motionId) {
		record Row(long allianceId, String title, MotionType type, MotionStatus status, @Nullable MotionOutcome outcome) {
		}
		Row r = jdbc.sql("select alliance_id, title, type, status, outcome from motion where id = ?")
			.param(motionId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), MotionType.valueOf(rs.getString(3)),
					MotionStatus.valueOf(rs.getString(4)), rs.getString(5) == null ? null : MotionOutcome.valueOf(rs.getString(5))))
			.optional()
			.orElseThrow(() -> new NotFound("motion " + motionId));
		List<Long> drafters = jdbc.sql("select organization_id from motion_drafter where motion_id = ? order by organization_id")
			.param(motionId)
			.query(Long.class)
			.list();
		return new MotionFacts(motionId, r.allianceId(), r.title(), r.type(), r.status(), r.outcome(), drafters);
	}
}
