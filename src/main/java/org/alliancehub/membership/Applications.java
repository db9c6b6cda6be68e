package org.alliancehub.membership;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.membership.MembershipEvents.ApplicationDecided;
import org.alliancehub.membership.MembershipEvents.ApplicationReceived;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to join: received, then approved or rejected by the secretariat, or referred to a vote
 * whose outcome decides them. Approval creates the membership.
 */
@Service
public class Applications {

	private static final String SELECT = """
			select a.id, a.alliance_id, a.organization_id, o.name, a.role, a.statement, a.status, a.decided_at, a.created_at, a.decision_reason
			from membership_application a join organization o on o.id = a.organization_id""";

	private final JdbcClient jdbc;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	Applications(JdbcClient jdbc, Memberships memberships, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.events = events;
	}

	@Transactional
	public Application apply(long allianceId, long organizationId, @Nullable MembershipRole role,
			@Nullable String statement) {
		if (memberships.isActiveMember(allianceId, organizationId)) {
			throw new Conflict("organisation " + organizationId + " is a member already");
		}
		long id;
		try {
			id = jdbc.sql("insert into membership_application (alliance_id, organization_id, role, statement) values (?, ?, ?, ?) returning id")
				.params(allianceId, organizationId, (role != null ? role : MembershipRole.MEMBER).name(), statement)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("organisation " + organizationId + " has an application under way already");
		}
		events.publishEvent(new ApplicationReceived(id, allianceId, organizationId));
		return get(id);
	}

	public Application get(long id) {
		return jdbc.sql(SELECT + " where a.id = ?")
			.param(id)
			.query((rs, i) -> new Application(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					MembershipRole.valueOf(rs.getString(5)), rs.getString(6),
					Application.Status.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class),
					rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
			.optional()
			.orElseThrow(() -> new NotFound("application " + id));
	}

	public List<Application> of(long allianceId) {
		return jdbc.sql("select id from membership_application where alliance_id = ? order by id desc")
			.param(allianceId)
			.query(Long.class)
			.list()
			.stream()
			.map(this::get)
			.toList();
	}

	/** Marks an application as put to a vote; only a pending one can be. */
	@Transactional
	public Application refer(long id) {
		if (jdbc.sql("update membership_application set status = 'REFERRED', version = version + 1, updated_at = now() where id = ? and status = 'PENDING'")
			.param(id)
			.update() == 0) {
			throw Invalid.field("admitsApplication", "no pending application " + id);
		}
		return get(id);
	}

	/** A vote that did not reach its quorum leaves the application open again. */
	@Transactional
	public Application reopen(long id) {
		jdbc.sql("update membership_application set status = 'PENDING', version = version + 1, updated_at = now() where id = ? and status = 'REFERRED'")
			.param(id)
			.update();
		return get(id);
	}

	/** Approves (creating the membership) or rejects an application that is still open. */
	@Transactional
	public Application decide(long id, boolean approve) {
		return decide(id, approve, null);
	}

	/**
	 * Approves (creating the membership) or rejects an application that is still open, recording the
	 * secretariat's reason. The application is the organisation's own request, so approving it is with its
	 * consent (issue 6).
	 */
	@Transactional
	public Application decide(long id, boolean approve, @Nullable String reason) {
		Application a = get(id);
		if (a.status() != Application.Status.PENDING && a.status() != Application.Status.REFERRED) {
			throw new Conflict("application " + id + " is " + a.status() + " already");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		jdbc.sql("update membership_application set status = ?, decision_reason = ?, decided_at = now(), version = version + 1, updated_at = now() where id = ?")
			.params(approve ? "APPROVED" : "REJECTED", why, id)
			.update();
		if (approve) {
			memberships.grant(a.allianceId(), new NewMembership(a.organizationId(), a.role(), null));
		}
		events.publishEvent(new ApplicationDecided(id, a.allianceId(), a.organizationId(), approve));
		return get(id);
	}
}
