package org.alliancehub.transfer;

import org.alliancehub.shared.Strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.transfer.TransferTypes.DeclineReason;
import org.alliancehub.transfer.TransferTypes.InterestStatus;
import org.alliancehub.transfer.TransferTypes.TransferMode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interest in a match: one side (the demand's or the achievement's organisation) expresses it, the other side
 * accepts or declines with a reason, once; an accepted interest records its transfer, once. Both sides are told
 * by e-mail after each step commits.
 */
@Service
public class Interests {

	private final JdbcClient jdbc;

	private final Access access;

	private final TechnologyTransfer transfer;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	Interests(JdbcClient jdbc, Access access, TechnologyTransfer transfer, Organizations organizations,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.access = access;
		this.transfer = transfer;
		this.organizations = organizations;
		this.events = events;
	}

	public record NewInterest(@Nullable Long demandId, @Nullable Long achievementId, @Nullable Long organizationId) {
	}

	/** {@code decision} ACCEPT or DECLINE; a decline gives a {@code reason}. */
	public record DecisionInput(@Nullable String decision, @Nullable String reason) {
	}

	/** The transfer an accepted match led to: {@code contractType} a transfer mode, {@code amount} in 万元. */
	public record NewTransfer(@Nullable String contractType, @Nullable BigDecimal amount, @Nullable String date) {
	}

	/** Interest in a match in the name of one side; the caller must read both objects (404 otherwise) and act for that side. */
	@Transactional
	public InterestView express(NewInterest n) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (n.demandId() == null) {
			errors.add(new Invalid.FieldError("demandId", "required"));
		}
		if (n.achievementId() == null) {
			errors.add(new Invalid.FieldError("achievementId", "required"));
		}
		if (n.organizationId() == null) {
			errors.add(new Invalid.FieldError("organizationId", "required"));
		}
		if (!errors.isEmpty() || n.demandId() == null || n.achievementId() == null || n.organizationId() == null) {
			throw new Invalid(errors);
		}
		// an object the caller may not read does not exist for it: 404, as for any other address (API.md)
		access.canRead("demand", n.demandId());
		access.canRead("achievement", n.achievementId());
		DemandView d = transfer.demand(n.demandId());
		AchievementView a = transfer.achievement(n.achievementId());
		long org = n.organizationId();
		if (org != d.organizationId() && org != a.organizationId()) {
			throw Invalid.field("organizationId", "neither the demand's nor the achievement's organisation");
		}
		if (d.organizationId() == a.organizationId()) {
			throw Invalid.field("achievementId", "the demand and the achievement are of the same organisation");
		}
		if (!access.canActFor(org)) {
			throw new Forbidden("only the organisation's representative expresses interest in its name");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into transfer_interest (demand_id, achievement_id, organization_id, expressed_by)
					values (?, ?, ?, ?) returning id""")
				.params(d.id(), a.id(), org, access.requireUser().id())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("interest in this match is expressed already");
		}
		InterestView view = get(id);
		events.publishEvent(new TransferEvents.InterestExpressed(id, allianceOf(d.id()),
				(org == d.organizationId() ? d.organization() : a.organization()) + ": " + d.title() + " ↔ " + a.title()));
		return view;
	}

	/** The other side's decision, once (409 after); the side that expressed it may not decide (403, see {@link #mayDecide}). */
	@Transactional
	public InterestView decide(long id, DecisionInput in) {
		InterestView i = get(id);
		List<Invalid.FieldError> errors = new ArrayList<>();
		String decision = Strings.blankToNull(in.decision());
		boolean accept = "ACCEPT".equalsIgnoreCase(decision);
		if (!accept && !"DECLINE".equalsIgnoreCase(decision)) {
			errors.add(new Invalid.FieldError("decision", "ACCEPT or DECLINE"));
		}
		DeclineReason reason = TechnologyTransfer.parse(DeclineReason.class, in.reason(), "reason",
				"DECLINE".equalsIgnoreCase(decision), errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (!mayDecide(i)) {
			throw new Forbidden("only the other side decides, not the organisation that expressed the interest");
		}
		int changed = jdbc.sql("""
				update transfer_interest set status = ?, reason = ?, decided_by = ?, decided_at = now()
				where id = ? and status = 'PENDING'""")
			.params(accept ? "ACCEPTED" : "DECLINED", accept || reason == null ? null : reason.name(),
					access.requireUser().id(), id)
			.update();
		if (changed == 0) {
			throw new Conflict("the interest was already " + i.status().name().toLowerCase());
		}
		InterestView view = get(id);
		events.publishEvent(new TransferEvents.InterestDecided(id, allianceOf(i.demandId()),
				i.demand() + " ↔ " + i.achievement() + ": " + view.status()));
		return view;
	}

	/**
	 * Whether the caller decides in the other side's name: it acts for the deciding organisation, did not express
	 * the interest itself (the network administrator acts for every organisation, so it may not answer its own
	 * interest), and does not act for the expressing organisation as well (a representative of both sides).
	 */
	public boolean mayDecide(InterestView i) {
		if (!access.canActFor(i.decidingOrganizationId())) {
			return false;
		}
		long me = access.requireUser().id();
		boolean expressedIt = jdbc.sql("select count(*) from transfer_interest where id = ? and expressed_by = ?")
			.params(i.id(), me)
			.query(Long.class)
			.single() > 0;
		if (expressedIt) {
			return false;
		}
		return access.isNetworkAdmin() || !access.organizationsActedFor().contains(i.organizationId());
	}

	/** Records the transfer of an accepted match, once; either side. */
	@Transactional
	public InterestView recordTransfer(long id, NewTransfer t) {
		return recordTransfer(id, t, List.of());
	}

	/** As {@link #recordTransfer(long, NewTransfer)}, with the fields a form found wrong already. */
	@Transactional
	public InterestView recordTransfer(long id, NewTransfer t, List<Invalid.FieldError> found) {
		InterestView i = get(id);
		List<Invalid.FieldError> errors = new ArrayList<>(found);
		TransferMode type = TechnologyTransfer.parse(TransferMode.class, t.contractType(), "contractType", true, errors);
		if (t.amount() != null && (t.amount().signum() < 0 || t.amount().compareTo(new BigDecimal("1000000000")) > 0
				|| t.amount().scale() > 2)) {
			errors.add(new Invalid.FieldError("amount", "a sum in 万元, 0 or more, at most two decimals"));
		}
		LocalDate date = null;
		try {
			date = t.date() == null ? null : LocalDate.parse(t.date().strip());
		}
		catch (DateTimeParseException e) {
			// named below
		}
		if (date == null || date.getYear() < 2000 || date.getYear() > 2100) {
			errors.add(new Invalid.FieldError("date", "the date signed, an ISO date (2027-06-30)"));
		}
		if (!errors.isEmpty() || type == null || date == null) {
			throw new Invalid(errors);
		}
		if (!access.canActFor(i.demandOrganizationId()) && !access.canActFor(i.achievementOrganizationId())) {
			throw new Forbidden("only the two sides record the transfer");
		}
		if (i.status() != InterestStatus.ACCEPTED) {
			throw new Conflict("only an accepted match records a transfer; this one is " + i.status().name().toLowerCase());
		}
		try {
			jdbc.sql("""
					insert into transfer_record (interest_id, contract_type, amount, signed_on, recorded_by)
					values (?, ?, ?, ?, ?)""")
				.params(id, type.name(), t.amount(), date, access.requireUser().id())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("the transfer is recorded already");
		}
		events.publishEvent(new TransferEvents.TransferRecorded(id, allianceOf(i.demandId()),
				i.demand() + " ↔ " + i.achievement() + ": " + type));
		return get(id);
	}

	public InterestView get(long id) {
		return list("where i.id = ?", List.of(id)).stream().findFirst().orElseThrow(() -> new NotFound("interest " + id));
	}

	/** The interests in a demand or achievement that the caller's organisations take part in (all for the admin). */
	public List<InterestView> of(String kind, long objectId) {
		String column = "demand".equals(kind) ? "i.demand_id" : "i.achievement_id";
		if (access.isNetworkAdmin()) {
			return list("where " + column + " = ?", List.of(objectId));
		}
		Long[] orgs = access.organizationsActedFor().toArray(Long[]::new);
		return list("where " + column + " = ? and (d.organization_id = any(?) or a.organization_id = any(?))",
				List.of(objectId, orgs, orgs));
	}

	/**
	 * The interests in a demand or achievement that recorded a transfer and whose transfer the caller may read: both
	 * sides' representatives, the demand's alliance's secretariat and the network's administrator.
	 */
	public List<InterestView> transfersOf(String kind, long objectId) {
		String column = "demand".equals(kind) ? "i.demand_id" : "i.achievement_id";
		if (access.isNetworkAdmin()) {
			return list("where r.id is not null and " + column + " = ?", List.of(objectId));
		}
		Long[] orgs = access.organizationsActedFor().toArray(Long[]::new);
		Long[] managed = access.managedAlliances().stream().map(a -> a.id()).toArray(Long[]::new);
		return list("where r.id is not null and " + column + " = ? and (d.organization_id = any(?) or a.organization_id = any(?)"
				+ " or d.alliance_id = any(?))", List.of(objectId, orgs, orgs, managed));
	}

	/** The interest a transfer belongs to. */
	public long interestOfTransfer(long transferId) {
		return jdbc.sql("select interest_id from transfer_record where id = ?").param(transferId).query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("transfer " + transferId));
	}

	private @Nullable Long allianceOf(long demandId) {
		return jdbc.sql("select alliance_id from transfer_demand where id = ?").param(demandId).query(Long.class).single();
	}

	private List<InterestView> list(String where, List<Object> params) {
		record Row(long id, long demandId, String demand, long demandOrg, long achievementId, String achievement,
				long achievementOrg, long org, InterestStatus status, @Nullable DeclineReason reason,
				OffsetDateTime createdAt, InterestView.@Nullable Transfer transfer) {
		}
		List<Row> rows = jdbc.sql("""
				select i.id, d.id, d.title, d.organization_id, a.id, a.title, a.organization_id, i.organization_id, i.status,
				  i.reason, i.created_at, r.id, r.contract_type, r.amount, r.signed_on
				from transfer_interest i join transfer_demand d on d.id = i.demand_id
				join transfer_achievement a on a.id = i.achievement_id
				left join transfer_record r on r.interest_id = i.id """ + " " + where + " order by i.id desc limit 200")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getString(6), rs.getLong(7), rs.getLong(8), InterestStatus.valueOf(rs.getString(9)),
					rs.getString(10) == null ? null : DeclineReason.valueOf(rs.getString(10)),
					rs.getObject(11, OffsetDateTime.class),
					rs.getObject(12) == null ? null : new InterestView.Transfer(rs.getLong(12),
							TransferMode.valueOf(rs.getString(13)), rs.getBigDecimal(14), rs.getObject(15, LocalDate.class))))
			.list();
		Map<Long, String> names = organizations.names(
				rows.stream().flatMap(r -> java.util.stream.Stream.of(r.demandOrg(), r.achievementOrg())).distinct().toList());
		return rows.stream()
			.map(r -> new InterestView(r.id(), r.demandId(), r.demand(), r.demandOrg(), names.getOrDefault(r.demandOrg(), ""),
					r.achievementId(), r.achievement(), r.achievementOrg(), names.getOrDefault(r.achievementOrg(), ""),
					r.org(), r.status(), r.reason(), r.createdAt(), r.transfer()))
			.toList();
	}

	/** For the owners of interests and transfers: the organisations of both sides. */
	public Set<Long> sides(long interestId) {
		InterestView i = get(interestId);
		return Set.of(i.demandOrganizationId(), i.achievementOrganizationId());
	}
}
