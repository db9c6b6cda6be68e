package org.alliancehub.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.alliancehub.membership.MembershipEvents.MembershipChanged;
import org.alliancehub.membership.MembershipEvents.MembershipGranted;
import org.alliancehub.network.MemberDirectory;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to which alliance, in which governance role. The same rules hold for organisations in an
 * alliance and for alliances (through the organisation that represents them) in the network.
 */
@Service
public class Memberships implements MemberDirectory {

	/** Highest role first, then by the pinyin of the organisation's name, as member lists are printed. */

	private static final String SELECT = """
			select m.alliance_id, m.organization_id, o.name, o.type, o.region, m.role, m.status, m.since,
			  o.represents_alliance_id, m.version
			from membership m join organization o on o.id = m.organization_id""";

	/** The roll order: by role as {@link MembershipRole} lists them, then the organisation's name in pinyin order. */
	private static final String ROLL_ORDER = java.util.Arrays.stream(MembershipRole.values())
		.map(r -> "'" + r.name() + "'")
		.collect(java.util.stream.Collectors.joining(",", " order by array_position(array[", "], m.role),"))
			+ " o.name collate pinyin, m.organization_id";

	private static final String MEMBERS_WHERE = " where m.alliance_id = ? and (cast(? as text) is null or m.role = ?)"
			+ " and ((cast(? as text) is null and m.status <> 'WITHDRAWN') or m.status = ?)";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Memberships(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Members of an alliance in roll order; withdrawn members only when asked for by status. */
	public List<Member> members(long allianceId, @Nullable MembershipRole role, @Nullable MembershipStatus status) {
		return jdbc.sql(SELECT + MEMBERS_WHERE + ROLL_ORDER)
			.params(allianceId, name(role), name(role), name(status), name(status))
			.query(Memberships::map)
			.list();
	}

	/** One page of {@link #members}, in the same order (role, then pinyin), paged in SQL. */
	public PageResult<Member> members(long allianceId, @Nullable MembershipRole role, @Nullable MembershipStatus status,
			Paging paging) {
		List<Member> items = jdbc.sql(SELECT + MEMBERS_WHERE + ROLL_ORDER + " limit ? offset ?")
			.params(allianceId, name(role), name(role), name(status), name(status), paging.size(), paging.offset())
			.query(Memberships::map)
			.list();
		long total = jdbc.sql("select count(*) from membership m" + MEMBERS_WHERE)
			.params(allianceId, name(role), name(role), name(status), name(status))
			.query(Long.class)
			.single();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	public Member get(long allianceId, long organizationId) {
		return jdbc.sql(SELECT + " where m.alliance_id = ? and m.organization_id = ?")
			.params(allianceId, organizationId)
			.query(Memberships::map)
			.optional()
			.orElseThrow(() -> new NotFound("membership of organization " + organizationId));
	}

	/** The alliances an organisation is an active member of. */
	public List<Long> activeAlliancesOf(long organizationId) {
		return jdbc.sql("select alliance_id from membership where organization_id = ? and status = 'ACTIVE'")
			.param(organizationId)
			.query(Long.class)
			.list();
	}

	public boolean isActiveMember(long allianceId, long organizationId) {
		return jdbc.sql("select exists(select 1 from membership where alliance_id = ? and organization_id = ? and status = 'ACTIVE')")
			.params(allianceId, organizationId)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	public Member grant(long allianceId, NewMembership m) {
		try {
			jdbc.sql("insert into membership (alliance_id, organization_id, role, since) values (?, ?, ?, ?)")
				.params(allianceId, m.organizationId(), m.role().name(),
						m.since() != null ? m.since() : LocalDate.now())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("organisation " + m.organizationId() + " is already a member");
		}
		catch (DataIntegrityViolationException e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		events.publishEvent(new MembershipGranted(allianceId, m.organizationId(), m.role()));
		return get(allianceId, m.organizationId());
	}

	@Transactional
	public Member update(long allianceId, long organizationId, MembershipPatch p) {
		Member current = get(allianceId, organizationId);
		if (p.version() != null && p.version() != current.version()) {
			throw Conflict.staleVersion("membership");
		}
		MembershipRole role = p.role() != null ? p.role() : current.role();
		MembershipStatus status = p.status() != null ? p.status() : current.status();
		int n = jdbc.sql("""
				update membership set role = ?, status = ?, since = ?, version = version + 1, updated_at = now()
				where alliance_id = ? and organization_id = ? and version = ?""")
			.params(role.name(), status.name(), p.since() != null ? p.since() : current.since(), allianceId,
					organizationId, current.version())
			.update();
		if (n == 0) {
			throw Conflict.staleVersion("membership");
		}
		events.publishEvent(new MembershipChanged(allianceId, organizationId, role, status));
		return get(allianceId, organizationId);
	}

	/** Ends a membership; the record stays, with status WITHDRAWN, so the history is kept. */
	@Transactional
	public Member withdraw(long allianceId, long organizationId) {
		return update(allianceId, organizationId, new MembershipPatch(null, MembershipStatus.WITHDRAWN, null, null));
	}

	@Override
	public long activeMemberCount(long allianceId) {
		return jdbc.sql("select count(*) from membership where alliance_id = ? and status = 'ACTIVE'")
			.param(allianceId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<GovernanceSeat> governance(long allianceId) {
		return members(allianceId, null, MembershipStatus.ACTIVE).stream()
			.filter(m -> m.role().isGovernance())
			.map(m -> new GovernanceSeat(m.role().name(), m.organizationId(), m.organizationName()))
			.toList();
	}

	private static @Nullable String name(@Nullable Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static Member map(ResultSet rs, int row) throws SQLException {
		long represents = rs.getLong(9);
		Long representsId = rs.wasNull() ? null : represents;
		return new Member(rs.getLong(1), rs.getLong(2), rs.getString(3), OrganizationType.valueOf(rs.getString(4)),
				OrganizationRegions.name(rs.getString(5)), OrganizationRegions.storedCode(rs.getString(5)), MembershipRole.valueOf(rs.getString(6)), MembershipStatus.valueOf(rs.getString(7)),
				rs.getObject(8, LocalDate.class), representsId, rs.getLong(10));
	}
}
