package org.alliancehub.governance.internal;


import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.alliancehub.governance.CorrespondenceBallot;
import org.alliancehub.governance.GovernanceEvents.MotionOpened;
import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correspondence votes (通讯表决): motions put to the council or the general assembly without a meeting.
 * The voters are the organisations that would vote at such a meeting, fixed from the membership roles when
 * the vote is put; it opens at once, each of them votes (through its representative, no check-in) until
 * the deadline, and those who voted make the quorum. A background job closes votes whose deadline has
 * passed, every few seconds ({@code alliancehub.governance.deadline-check}); the secretariat may close one
 * earlier. Receipts, the ballot log, results and verification are those of every motion ({@link Ballots}).
 */
@Service
public class Correspondence {

	private static final Logger log = LoggerFactory.getLogger(Correspondence.class);

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Memberships memberships;

	private final Motions motions;

	private final Charters charters;

	private final Ballots ballots;

	private final ApplicationEventPublisher events;

	private final org.alliancehub.identity.Access access;

	private final Clock clock;

	private final Organizations organizations;

	Correspondence(JdbcClient jdbc, Alliances alliances, Memberships memberships, Motions motions, Charters charters,
			Ballots ballots, ApplicationEventPublisher events, org.alliancehub.identity.Access access, Clock clock,
			Organizations organizations) {
		this.organizations = organizations;
		this.access = access;
		this.clock = clock;
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.memberships = memberships;
		this.motions = motions;
		this.charters = charters;
		this.ballots = ballots;
		this.events = events;
	}

	@Transactional
	public MotionView put(String slug, NewCorrespondenceVote v) {
		Alliance alliance = alliances.get(slug);
		List<Long> voters = memberships.members(alliance.id(), null, MembershipStatus.ACTIVE)
			.stream()
			.filter(m -> MeetingRules.roleAt(v.electorate().meetingKind(), m.role()) == AttendanceRole.VOTING)
			.map(Member::organizationId)
			.distinct()
			.toList();
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (!v.deadline().isAfter(OffsetDateTime.now(clock))) {
			errors.add(new Invalid.FieldError("deadline", "must be in the future"));
		}
		if (voters.isEmpty()) {
			errors.add(new Invalid.FieldError("electorate", "the alliance has no voting members of this kind"));
		}
		MotionType type = v.type() != null ? v.type() : MotionType.ORDINARY;
		Charter.Rules rules = charters.of(alliance.id())
			.rulesFor(v.electorate().meetingKind(), type, v.majority(), v.quorum(), errors);
		List<Long> drafters = Motions.drafters(type, v.draftingOrganizationIds(), voters, "one of the voters", errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		long id = jdbc.sql("""
				insert into motion (alliance_id, electorate, deadline, title, text, ballot, majority, quorum, type, status, opened_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', now()) returning id""")
			.params(alliance.id(), v.electorate().name(), v.deadline(), v.title().strip(), v.text(),
					(v.ballot() != null ? v.ballot() : Ballot.OPEN).name(), rules.majority().name(), rules.quorum(),
					type.name())
			.query(Long.class)
			.single();
		for (Long org : voters) {
			jdbc.sql("insert into motion_voter (motion_id, organization_id) values (?, ?)").params(id, org).update();
		}
		motions.recordDrafters(id, drafters);
		events.publishEvent(new MotionOpened(id, alliance.id(), v.title().strip()));
		return motions.motion(id);
	}

	/** The alliance's correspondence votes the caller may see, newest first. */
	public List<MotionView> list(String slug) {
		Alliance alliance = alliances.get(slug);
		return jdbc.sql("select id from motion where alliance_id = ? and meeting_id is null order by id desc")
			.param(alliance.id())
			.query(Long.class)
			.list()
			.stream()
			.filter(id -> access.reads(access.owner("motion", id)))
			.map(motions::motion)
			.toList();
	}

	/** The organisations that vote in a correspondence vote. */
	public List<Long> voters(long motionId) {
		if (motions.motion(motionId).meetingId() != null) {
			throw new NotFound("correspondence vote " + motionId);
		}
		return jdbc.sql("select organization_id from motion_voter where motion_id = ? order by organization_id")
			.param(motionId)
			.query(Long.class)
			.list();
	}

	/**
	 * The ballot of a correspondence vote for the signed-in representative, to vote on a page. It exists only
	 * for a representative of one of its voters (a drafter of a group standard is none): for anyone else, and for
	 * a motion of a meeting, it is not found. The vote itself is cast by {@link Ballots#cast}, as through the API.
	 */
	public CorrespondenceBallot ballot(long motionId) {
		MotionView m = motions.motion(motionId);
		java.util.Set<Long> mine = access.organizationsActedFor();
		if (m.meetingId() != null || mine.isEmpty()) {
			throw new NotFound("correspondence vote " + motionId);
		}
		record Row(long organizationId, boolean voted) {
		}
		List<Row> rows = jdbc.sql("""
				select w.organization_id,
				       exists (select 1 from vote v where v.motion_id = w.motion_id and v.organization_id = w.organization_id)
				       or exists (select 1 from secret_voter s where s.motion_id = w.motion_id and s.organization_id = w.organization_id)
				from motion_voter w where w.motion_id = ? and w.organization_id = any(?)
				and not exists (select 1 from motion_drafter d where d.motion_id = w.motion_id and d.organization_id = w.organization_id)
				order by w.organization_id""")
			.params(motionId, mine.toArray(Long[]::new))
			.query((rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2)))
			.list();
		if (rows.isEmpty()) {
			throw new NotFound("correspondence vote " + motionId);
		}
		java.util.Map<Long, String> names = organizations.names(rows.stream().map(Row::organizationId).toList());
		MotionResult result = ballots.result(motionId);
		boolean open = m.status() == org.alliancehub.governance.GovernanceTypes.MotionStatus.OPEN
				&& !Voters.overdue(m, OffsetDateTime.now(clock));
		return new CorrespondenceBallot(m.id(), motions.allianceOfMotion(motionId), m.title(), m.text(), m.ballot(),
				m.majority(), m.electorate(), m.deadline(), rows.stream()
					.map(r -> new CorrespondenceBallot.Seat(r.organizationId(), names.getOrDefault(r.organizationId(), ""),
							r.voted()))
					.toList(),
				open, result.cast(), result.eligible());
	}

	/**
	 * Closes the correspondence votes whose deadline has passed by the application's clock, each in its own
	 * transaction; runs on a schedule, and may be called at any time (tests run it on demand).
	 */
	@Scheduled(fixedDelayString = "${alliancehub.governance.deadline-check:PT2S}", initialDelayString = "PT2S")
	@SchedulerLock(name = "governance.correspondence-deadlines", lockAtMostFor = "PT5M")
	public void closeOverdue() {
		List<Long> overdue = jdbc.sql("select id from motion where status = 'OPEN' and deadline is not null and deadline <= ?")
			.param(OffsetDateTime.now(clock))
			.query(Long.class)
			.list();
		for (Long id : overdue) {
			try {
				if (ballots.closeOverdue(id)) {
					log.info("closed correspondence vote {} at its deadline", id);
				}
			}
			catch (RuntimeException e) {
				log.warn("could not close correspondence vote {}: {}", id, e.toString());
			}
		}
	}
}
