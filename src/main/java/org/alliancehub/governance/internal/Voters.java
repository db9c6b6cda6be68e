package org.alliancehub.governance.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.alliancehub.governance.GovernanceTypes.AttendanceRole;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who votes on a motion, and for whom. At a meeting: the voting participants who are present, and for an
 * organisation that gave its vote by written proxy, the representative of the holder (present itself),
 * naming the grantor. In a correspondence vote: the voters fixed when it was put, wherever they are.
 * The drafting organisations of a group standard vote on neither: they are left out of those eligible
 * and of those present, so that the standard is decided by the others alone (their abstention would
 * otherwise count against it under a majority of those present).
 */
@Component
class Voters {

	private final JdbcClient jdbc;

	Voters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation whose vote is cast, and the proxy holder who casts it (null when it votes itself). */
	record Seat(long organizationId, @Nullable Long proxyHolderId) {
	}

	/** Finds the seat the caller votes from, or says why it may not vote (403, or 400 when it must choose). */
	Seat seatFor(MotionView m, Set<Long> represented, @Nullable Long organizationId) {
		if (m.draftingOrganizationIds().contains(organizationId)) {
			throw new Forbidden("organisation " + organizationId
					+ " drafted this group standard; its drafting organisations do not vote on it");
		}
		Seat seat = m.meetingId() == null ? correspondenceSeat(m, represented, organizationId)
				: meetingSeat(m.meetingId(), represented, organizationId);
		if (m.draftingOrganizationIds().contains(seat.organizationId())) {
			throw new Forbidden("organisation " + seat.organizationId()
					+ " drafted this group standard; its drafting organisations do not vote on it");
		}
		return seat;
	}

	private Seat correspondenceSeat(MotionView m, Set<Long> represented, @Nullable Long organizationId) {
		if (organizationId != null && !represented.contains(organizationId)) {
			throw new Forbidden("you do not represent organisation " + organizationId);
		}
		List<Long> seats = jdbc.sql("select organization_id from motion_voter where motion_id = ? and organization_id = any(?)")
			.params(m.id(), represented.toArray(Long[]::new))
			.query(Long.class)
			.list()
			.stream()
			.filter(o -> organizationId == null || o.equals(organizationId))
			.toList();
		if (seats.isEmpty()) {
			throw new Forbidden("your organisation is not among the voters of this correspondence vote");
		}
		if (seats.size() > 1) {
			throw Invalid.field("organizationId", "you represent several voters; name the one that votes");
		}
		return new Seat(seats.get(0), null);
	}

	private Seat meetingSeat(long meetingId, Set<Long> represented, @Nullable Long organizationId) {
		record Participant(long organizationId, AttendanceRole role, boolean present, @Nullable Long gaveProxyTo) {
		}
		List<Participant> own = jdbc.sql("""
				select p.organization_id, p.role, p.present, x.holder_id from participant p
				left join proxy x on x.meeting_id = p.meeting_id and x.grantor_id = p.organization_id
				where p.meeting_id = ? and p.organization_id = any(?)""")
			.params(meetingId, represented.toArray(Long[]::new))
			.query((rs, i) -> new Participant(rs.getLong(1), AttendanceRole.valueOf(rs.getString(2)), rs.getBoolean(3),
					(Long) rs.getObject(4)))
			.list()
			.stream()
			.filter(s -> organizationId == null || s.organizationId() == organizationId)
			.toList();
		if (organizationId != null && !represented.contains(organizationId)) {
			// The grantor's vote is cast by the representative of the organisation holding its proxy.
			record Held(long holderId, boolean holderPresent) {
			}
			List<Held> held = jdbc.sql("""
					select x.holder_id, p.present from proxy x
					join participant p on p.meeting_id = x.meeting_id and p.organization_id = x.holder_id
					where x.meeting_id = ? and x.grantor_id = ? and x.holder_id = any(?)""")
				.params(meetingId, organizationId, represented.toArray(Long[]::new))
				.query((rs, i) -> new Held(rs.getLong(1), rs.getBoolean(2)))
				.list();
			if (held.isEmpty()) {
				throw new Forbidden("you do not represent organisation " + organizationId + " nor hold its proxy");
			}
			if (!held.get(0).holderPresent()) {
				throw new Forbidden("a proxy holder votes for the grantor only while present; check in first");
			}
			return new Seat(organizationId, held.get(0).holderId());
		}
		if (own.isEmpty()) {
			throw new Forbidden("your organisation does not take part in this meeting");
		}
		if (own.size() > 1) {
			throw new Invalid(List.of(new Invalid.FieldError("organizationId",
					"you represent several participants; name the one that votes")));
		}
		Participant seat = own.get(0);
		if (seat.role() != AttendanceRole.VOTING) {
			throw new Forbidden("observers (列席) do not vote");
		}
		if (seat.gaveProxyTo() != null) {
			throw new Forbidden("organisation " + seat.organizationId() + " gave its vote by written proxy to organisation "
					+ seat.gaveProxyTo() + ", whose representative casts it");
		}
		if (!seat.present()) {
			throw new Forbidden("only participants who are present vote; check in first");
		}
		return new Seat(seat.organizationId(), null);
	}

	/**
	 * Those who may vote and those counted present. At a meeting: the voting participants, present when
	 * checked in or when their proxy holder is; by correspondence: the voters, present when they voted.
	 * Drafting organisations of a group standard are left out of both.
	 */
	int[] eligibleAndPresent(long motionId, @Nullable Long meetingId) {
		if (meetingId == null) {
			return jdbc.sql("""
					select count(*), count(*) filter (where exists (select 1 from vote v where v.motion_id = w.motion_id
					    and v.organization_id = w.organization_id) or exists (select 1 from secret_voter s
					    where s.motion_id = w.motion_id and s.organization_id = w.organization_id))
					from motion_voter w where w.motion_id = ?
					and not exists (select 1 from motion_drafter d where d.motion_id = w.motion_id and d.organization_id = w.organization_id)""")
				.param(motionId)
				.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) })
				.single();
		}
		return jdbc.sql("""
				select count(*), count(*) filter (where p.present or exists (select 1 from proxy x
				    join participant h on h.meeting_id = x.meeting_id and h.organization_id = x.holder_id
				    where x.meeting_id = p.meeting_id and x.grantor_id = p.organization_id and h.present))
				from participant p where p.meeting_id = ? and p.role = 'VOTING'
				and not exists (select 1 from motion_drafter d where d.motion_id = ? and d.organization_id = p.organization_id)""")
			.params(meetingId, motionId)
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

	/** Whether a correspondence vote's deadline has passed. */
	static boolean overdue(MotionView m, OffsetDateTime now) {
		return m.deadline() != null && !now.isBefore(m.deadline());
	}
}
