package org.alliancehub.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.alliancehub.membership.MembershipEvents.InvitationAnswered;
import org.alliancehub.membership.MembershipEvents.MembershipInvited;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an organisation comes into an alliance with its consent. An organisation belongs to itself: an
 * alliance takes in directly only an organisation it registered itself and that nobody represents yet (or
 * one the caller acts for); any other organisation is invited, and becomes a member only when its
 * representative (or the network administrator on its behalf) accepts. The application to join
 * ({@link Applications}) is the other way in.
 */
@Service
public class Admissions {

	private static final String SELECT = """
			select i.id, i.alliance_id, i.organization_id, o.name, i.role, i.since, i.status, i.invited_by,
			  i.decided_by, i.decided_at, i.created_at
			from membership_invitation i join organization o on o.id = i.organization_id""";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Memberships memberships;

	private final Alliances alliances;

	private final Representation representation;

	private final ApplicationEventPublisher events;

	Admissions(JdbcClient jdbc, Organizations organizations, Memberships memberships, Alliances alliances,
			Representation representation, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.memberships = memberships;
		this.alliances = alliances;
		this.representation = representation;
		this.events = events;
	}

	/** What adding an organisation to an alliance did: a membership, or an invitation awaiting consent. */
	public record Admission(@Nullable Member member, @Nullable Invitation invitation) {
	}

	/**
	 * Registers an organisation for the caller's alliance: the one named, else the only alliance the caller
	 * runs; none (the network) for the administrator who names none.
	 */
	@Transactional
	public Organization register(NewOrganization o) {
		Long registeredBy;
		if (o.alliance() != null && !o.alliance().isBlank()) {
			registeredBy = alliances.find(o.alliance().strip())
				.orElseThrow(() -> Invalid.field("alliance", "unknown alliance"))
				.id();
		}
		else if (representation.callerIsNetworkAdmin()) {
			registeredBy = null;
		}
		else {
			Set<Long> mine = representation.callerSecretariatOf();
			if (mine.size() != 1) {
				throw Invalid.field("alliance", "required: name the alliance that registers the organisation");
			}
			registeredBy = mine.iterator().next();
		}
		return organizations.create(o, registeredBy);
	}

	/**
	 * Takes an organisation into an alliance: directly when the alliance registered it and nobody represents
	 * it yet, or when the caller acts for it; otherwise it is invited.
	 */
	@Transactional
	public Admission add(long allianceId, NewMembership m) {
		Organization o;
		try {
			o = organizations.get(m.organizationId());
		}
		catch (NotFound e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		boolean ownAndUnrepresented = o.registeredByAllianceId() != null && o.registeredByAllianceId() == allianceId
				&& !representation.hasRepresentative(o.id());
		if (ownAndUnrepresented || representation.callerActsFor(o.id())) {
			return new Admission(memberships.grant(allianceId, m), null);
		}
		return new Admission(null, invite(allianceId, m));
	}

	private Invitation invite(long allianceId, NewMembership m) {
		if (hasMembership(allianceId, m.organizationId())) {
			throw new Conflict("organisation " + m.organizationId() + " is already a member");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into membership_invitation (alliance_id, organization_id, role, since, invited_by)
					values (?, ?, ?, ?, ?) returning id""")
				.params(allianceId, m.organizationId(), m.role().name(), m.since(), caller())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("organisation " + m.organizationId() + " has been invited already");
		}
		events.publishEvent(new MembershipInvited(id, allianceId, m.organizationId(), m.role()));
		return get(id);
	}

	/** An organisation's invitations, newest first. */
	public List<Invitation> of(long organizationId) {
		organizations.get(organizationId);
		return jdbc.sql(SELECT + " where i.organization_id = ? order by i.id desc")
			.param(organizationId)
			.query(this::map)
			.list();
	}

	/** The invitations an alliance sent, newest first. */
	public List<Invitation> sentBy(long allianceId) {
		return jdbc.sql(SELECT + " where i.alliance_id = ? order by i.id desc")
			.param(allianceId)
			.query(this::map)
			.list();
	}

	public Invitation get(long id) {
		return jdbc.sql(SELECT + " where i.id = ?")
			.param(id)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFound("invitation " + id));
	}

	/** The invitation of this organisation; another organisation's invitation does not exist here. */
	public Invitation get(long organizationId, long id) {
		Invitation i = get(id);
		if (i.organizationId() != organizationId) {
			throw new NotFound("invitation " + id);
		}
		return i;
	}

	/** The alliance that sent an invitation, for the access policy. */
	public long allianceOf(long invitationId) {
		return get(invitationId).allianceId();
	}

	/** The organisation accepts: the membership now exists, with the role and date the alliance asked. */
	@Transactional
	public Invitation accept(long organizationId, long id) {
		Invitation i = answer(organizationId, id, Invitation.Status.ACCEPTED);
		boolean withdrawnBefore = jdbc.sql("select exists(select 1 from membership where alliance_id = ? and organization_id = ? and status = 'WITHDRAWN')")
			.params(i.allianceId(), organizationId)
			.query(Boolean.class)
			.single();
		if (withdrawnBefore) {
			memberships.update(i.allianceId(), organizationId,
					new MembershipPatch(i.role(), MembershipStatus.ACTIVE, i.since() != null ? i.since() : LocalDate.now(), null));
		}
		else {
			memberships.grant(i.allianceId(), new NewMembership(organizationId, i.role(), i.since()));
		}
		// the contact the alliance named for the organisation when it invited it (a member sheet) goes with it
		jdbc.sql("""
				update membership m set contact_name = coalesce(i.contact_name, m.contact_name),
				  contact_email = coalesce(i.contact_email, m.contact_email)
				from membership_invitation i
				where i.id = ? and m.alliance_id = i.alliance_id and m.organization_id = i.organization_id""")
			.param(id)
			.update();
		events.publishEvent(new InvitationAnswered(id, i.allianceId(), organizationId, true));
		return get(id);
	}

	/** The organisation declines: nothing changes but the invitation. */
	@Transactional
	public Invitation decline(long organizationId, long id) {
		Invitation i = answer(organizationId, id, Invitation.Status.DECLINED);
		events.publishEvent(new InvitationAnswered(id, i.allianceId(), organizationId, false));
		return get(id);
	}

	private Invitation answer(long organizationId, long id, Invitation.Status status) {
		Invitation i = get(organizationId, id);
		int n = jdbc.sql("""
				update membership_invitation set status = ?, decided_by = ?, decided_at = now()
				where id = ? and status = 'PENDING'""")
			.params(status.name(), caller(), id)
			.update();
		if (n == 0) {
			throw new Conflict("invitation " + id + " is " + i.status() + " already");
		}
		if (status == Invitation.Status.ACCEPTED && hasMembership(i.allianceId(), organizationId)) {
			throw new Conflict("organisation " + organizationId + " is already a member");
		}
		return i;
	}

	private boolean hasMembership(long allianceId, long organizationId) {
		return jdbc.sql("select exists(select 1 from membership where alliance_id = ? and organization_id = ? and status <> 'WITHDRAWN')")
			.params(allianceId, organizationId)
			.query(Boolean.class)
			.single();
	}

	private static String caller() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : auth.getName();
	}

	private Invitation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Invitation(rs.getLong(1), rs.getLong(2), alliances.get(rs.getLong(2)).slug(), rs.getLong(3),
				rs.getString(4), MembershipRole.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
				Invitation.Status.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
	}
}
