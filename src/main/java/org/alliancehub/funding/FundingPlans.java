package org.alliancehub.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.alliancehub.funding.ExecutionView.ByPayer;
import org.alliancehub.funding.ExecutionView.BySource;
import org.alliancehub.funding.FundingEvents.FundingChanged;
import org.alliancehub.funding.FundingPlanView.Contribution;
import org.alliancehub.funding.FundingPlanView.Decision;
import org.alliancehub.funding.FundingPlanView.Payer;
import org.alliancehub.funding.FundingPlanView.Source;
import org.alliancehub.funding.FundingTypes.PlanStatus;
import org.alliancehub.funding.FundingTypes.SourceKind;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.MotionFacts;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
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
 * The network's funding plans (经费预算): the network's administrator or secretariat drafts a plan for a year with its
 * sources and the contributions due per payer, links a BUDGET motion of the network, and the plan is approved when
 * governance reports that motion adopted; an approved plan is no longer edited. The network then records the
 * payments received (bank transfer reference unique per plan, date not in the future, overpayment allowed and
 * shown); each payer's statement and the plan's execution are computed from them. Who may call what is the access
 * policy's (kinds {@code funding-plan}: the network's secretariat only, and {@code funding-statement}: also the
 * payer); the rules of the plan are here. Amounts are in 万元 with two decimals.
 */
@Service
public class FundingPlans {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Meetings meetings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FundingPlans(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Meetings meetings,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.meetings = meetings;
		this.events = events;
		this.clock = clock;
	}

	// ---- requests

	public record NewPlan(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 200) String title,
			@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull SourceInput> sources,
			@NotNull @Size(max = 2000) List<@Valid @NotNull ContributionInput> contributions) {
	}

	/** A source of a plan: its kind and the planned amount in 万元. */
	public record SourceInput(@NotNull SourceKind kind,
			@NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal planned, @Nullable @Size(max = 500) String note) {
	}

	/** A payer (exactly one of {@code alliance}, a slug, and {@code organizationId}), what it owes and by when. */
	public record ContributionInput(@Nullable @Size(max = 100) String alliance, @Nullable @Positive Long organizationId,
			@NotNull SourceKind source, @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
			@NotNull LocalDate dueOn) {
	}

	/** Changes to a draft plan: the fields given replace the plan's; {@code version} is the one read. */
	public record PlanPatch(@Nullable @Size(min = 1, max = 200) String title,
			@Nullable @Size(min = 1, max = 20) List<@Valid @NotNull SourceInput> sources,
			@Nullable @Size(max = 2000) List<@Valid @NotNull ContributionInput> contributions, @NotNull @PositiveOrZero Long version) {
	}

	public record MotionLink(@NotNull @Positive Long motionId) {
	}

	/** A payment received from a payer (as a contribution names it), by bank transfer. */
	public record NewPayment(@Nullable @Size(max = 100) String alliance, @Nullable @Positive Long organizationId,
			@NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount, @NotNull LocalDate paidOn,
			@NotBlank @Size(max = 100) String reference, @Nullable @Size(max = 500) String note) {
	}

	/** A plan in the list of plans. */
	public record PlanLine(long id, int year, String title, PlanStatus status, BigDecimal plannedTotal, boolean demo) {

		public boolean approved() {
			return status == PlanStatus.APPROVED;
		}
	}

	// ---- who

	/** Whether the caller runs the network (its administrator or secretariat): may draft plans and record payments. */
	public boolean canPlan() {
		return access.canManageNetwork();
	}

	private Alliance network() {
		return alliances.network().orElseThrow(() -> new Conflict("the network has not been set up"));
	}

	// ---- plans

	@Transactional
	public FundingPlanView create(NewPlan p) {
		return create(p, false);
	}

	/** Creates a plan; {@code demo} marks the demo network's example plan (the page says so). */
	@Transactional
	public FundingPlanView create(NewPlan p, boolean demo) {
		Alliance network = network();
		List<Resolved> resolved = check(p.sources(), p.contributions(), network);
		long id = jdbc.sql("insert into funding_plan (alliance_id, year, title, demo) values (?, ?, ?, ?) returning id")
			.params(network.id(), p.year(), p.title().strip(), demo)
			.query(Long.class)
			.single();
		write(id, p.sources(), resolved);
		changed("funding.plan-created", id, "drafted the funding plan «" + p.title().strip() + "» for " + p.year());
		return view(id);
	}

	@Transactional
	public FundingPlanView update(long id, PlanPatch p) {
		Head h = head(id, true);
		if (h.status() == PlanStatus.APPROVED) {
			throw new Conflict("an approved plan is not edited");
		}
		if (h.version() != p.version()) {
			throw Conflict.staleVersion("funding plan " + id);
		}
		if (p.title() != null && p.title().isBlank()) {
			throw Invalid.field("title", "must not be blank");
		}
		List<SourceInput> sources = p.sources() != null ? p.sources() : sourceInputs(id);
		List<ContributionInput> contributions = p.contributions() != null ? p.contributions() : contributionInputs(id);
		List<Resolved> resolved = check(sources, contributions, network());
		jdbc.sql("update funding_plan set title = coalesce(?, title), version = version + 1, updated_at = now() where id = ?")
			.params(p.title() == null ? null : p.title().strip(), id)
			.update();
		jdbc.sql("delete from funding_contribution where plan_id = ?").param(id).update();
		jdbc.sql("delete from funding_source where plan_id = ?").param(id).update();
		write(id, sources, resolved);
		changed("funding.plan-changed", id, "changed the draft funding plan " + id);
		return view(id);
	}

	private record Resolved(ContributionInput input, @Nullable Long allianceId, long organizationId) {
	}

	/** Every invalid source and contribution, named by its place in the lists. */
	private List<Resolved> check(List<SourceInput> sources, List<ContributionInput> contributions, Alliance network) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		Set<SourceKind> kinds = new HashSet<>();
		for (int i = 0; i < sources.size(); i++) {
			if (!kinds.add(sources.get(i).kind())) {
				errors.add(new Invalid.FieldError("sources[" + i + "].kind", "each source once"));
			}
		}
		List<Resolved> resolved = new ArrayList<>();
		Set<Long> payers = new HashSet<>();
		for (int i = 0; i < contributions.size(); i++) {
			ContributionInput c = contributions.get(i);
			String at = "contributions[" + i + "]";
			if (!kinds.contains(c.source())) {
				errors.add(new Invalid.FieldError(at + ".source", "not a source of the plan"));
			}
			boolean hasAlliance = c.alliance() != null && !c.alliance().isBlank();
			if (hasAlliance == (c.organizationId() != null)) {
				errors.add(new Invalid.FieldError(at + ".alliance", "name the payer: an alliance or an organizationId, not both"));
				continue;
			}
			Long allianceId = null;
			long organizationId;
			if (hasAlliance) {
				Alliance a = alliances.find(c.alliance().strip()).orElse(null);
				if (a == null || a.isNetwork()) {
					errors.add(new Invalid.FieldError(at + ".alliance", "no such member alliance"));
					continue;
				}
				try {
					organizationId = organizations.representing(a.id()).id();
				}
				catch (NotFound e) {
					errors.add(new Invalid.FieldError(at + ".alliance", "the alliance has no organisation in the network"));
					continue;
				}
				allianceId = a.id();
			}
			else {
				try {
					organizationId = organizations.get(c.organizationId()).id();
				}
				catch (NotFound e) {
					errors.add(new Invalid.FieldError(at + ".organizationId", "no such organisation"));
					continue;
				}
			}
			if (!payers.add(organizationId)) {
				errors.add(new Invalid.FieldError(at + (hasAlliance ? ".alliance" : ".organizationId"), "this payer is listed twice"));
				continue;
			}
			resolved.add(new Resolved(c, allianceId, organizationId));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return resolved;
	}

	private void write(long id, List<SourceInput> sources, List<Resolved> contributions) {
		for (SourceInput s : sources) {
			jdbc.sql("insert into funding_source (plan_id, kind, planned, note) values (?, ?, ?, ?)")
				.params(id, s.kind().name(), money(s.planned()), blankToNull(s.note()))
				.update();
		}
		for (Resolved r : contributions) {
			jdbc.sql("""
					insert into funding_contribution (plan_id, alliance_id, organization_id, source, amount, due_on)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, r.allianceId(), r.organizationId(), r.input().source().name(), money(r.input().amount()),
						r.input().dueOn())
				.update();
		}
	}

	private List<SourceInput> sourceInputs(long id) {
		return sources(id).stream().map(s -> new SourceInput(s.kind(), s.planned(), s.note())).toList();
	}

	private List<ContributionInput> contributionInputs(long id) {
		return contributions(id).stream()
			.map(c -> new ContributionInput(c.payer().alliance(), c.payer().byAlliance() ? null : c.payer().organizationId(),
					c.source(), c.amount(), c.dueOn()))
			.toList();
	}

	/** The plans, newest year first. */
	public List<PlanLine> list() {
		return jdbc.sql("""
				select p.id, p.year, p.title, p.status, coalesce((select sum(planned) from funding_source s where s.plan_id = p.id), 0), p.demo
				from funding_plan p order by p.year desc, p.id desc""")
			.query((rs, i) -> new PlanLine(rs.getLong(1), rs.getInt(2), rs.getString(3), PlanStatus.valueOf(rs.getString(4)),
					rs.getBigDecimal(5), rs.getBoolean(6)))
			.list();
	}

	public FundingPlanView view(long id) {
		Head h = head(id, false);
		List<Source> sources = sources(id);
		List<Decision> decisions = jdbc.sql("select motion_id, outcome, decided_at from funding_decision where plan_id = ? order by decided_at, motion_id")
			.param(id)
			.query((rs, i) -> new Decision(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
		BigDecimal planned = sources.stream().map(Source::planned).reduce(zero(), BigDecimal::add);
		return new FundingPlanView(id, h.year(), h.title(), h.status(), h.motionId(), h.approvedAt(), h.demo(), planned, sources,
				contributions(id), decisions, h.version());
	}

	private record Head(long id, int year, String title, PlanStatus status, @Nullable Long motionId,
			@Nullable OffsetDateTime approvedAt, boolean demo, long version) {
	}

	private Head head(long id, boolean lock) {
		return jdbc.sql("select id, year, title, status, motion_id, approved_at, demo, version from funding_plan where id = ?"
				+ (lock ? " for update" : ""))
			.param(id)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3), PlanStatus.valueOf(rs.getString(4)),
					rs.getObject(5, Long.class), rs.getObject(6, OffsetDateTime.class), rs.getBoolean(7), rs.getLong(8)))
			.optional()
			.orElseThrow(() -> new NotFound("funding plan " + id));
	}

	private List<Source> sources(long id) {
		return jdbc.sql("select kind, planned, note from funding_source where plan_id = ? order by id")
			.param(id)
			.query((rs, i) -> new Source(SourceKind.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3)))
			.list();
	}

	private record Row(long id, long planId, @Nullable Long allianceId, long organizationId, SourceKind source, BigDecimal amount,
			LocalDate dueOn) {
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getObject("alliance_id", Long.class), rs.getLong("organization_id"),
				SourceKind.valueOf(rs.getString("source")), rs.getBigDecimal("amount"), rs.getObject("due_on", LocalDate.class));
	}

	private static final String ROW = "select id, plan_id, alliance_id, organization_id, source, amount, due_on from funding_contribution";

	private List<Contribution> contributions(long planId) {
		List<Row> rows = jdbc.sql(ROW + " where plan_id = ? order by id").param(planId).query(FundingPlans::row).list();
		Map<Long, Payer> payers = payers(rows);
		return rows.stream().map(r -> new Contribution(r.id(), payers.get(r.id()), r.source(), r.amount(), r.dueOn())).toList();
	}

	/** The payers of these contributions, with names read in bulk. */
	private Map<Long, Payer> payers(Collection<Row> rows) {
		Set<Long> allianceIds = new HashSet<>();
		Set<Long> organizationIds = new HashSet<>();
		for (Row r : rows) {
			if (r.allianceId() != null) {
				allianceIds.add(r.allianceId());
			}
			else {
				organizationIds.add(r.organizationId());
			}
		}
		Map<Long, String> slugs = allianceIds.isEmpty() ? Map.of() : alliances.slugs(allianceIds);
		Map<Long, String> names = organizationIds.isEmpty() ? Map.of() : organizations.names(organizationIds);
		Map<Long, Payer> payers = new HashMap<>();
		for (Row r : rows) {
			if (r.allianceId() != null) {
				String slug = slugs.getOrDefault(r.allianceId(), String.valueOf(r.allianceId()));
				String name = alliances.find(slug).map(Alliance::displayShortName).orElse(slug);
				payers.put(r.id(), new Payer(slug, r.organizationId(), name));
			}
			else {
				payers.put(r.id(), new Payer(null, r.organizationId(), names.getOrDefault(r.organizationId(), "#" + r.organizationId())));
			}
		}
		return payers;
	}

	// ---- approval by governance

	/**
	 * Links a BUDGET motion of the network to a draft plan: the plan is approved when the motion is adopted. A motion
	 * already closed counts at once. Another motion may replace one that was rejected (or not yet opened).
	 */
	@Transactional
	public FundingPlanView linkMotion(long id, long motionId) {
		Head h = head(id, true);
		MotionFacts m;
		try {
			m = meetings.motionFacts(motionId);
		}
		catch (NotFound e) {
			throw Invalid.field("motionId", "no such motion");
		}
		if (m.type() != MotionType.BUDGET) {
			throw Invalid.field("motionId", "not a BUDGET motion");
		}
		if (m.allianceId() != network().id()) {
			throw Invalid.field("motionId", "not a motion of the network");
		}
		if (h.status() == PlanStatus.APPROVED) {
			throw new Conflict("the plan is already approved");
		}
		Long current = h.motionId();
		if (current != null && current != motionId) {
			MotionFacts old = meetings.motionFacts(current);
			if (old.status() != MotionStatus.DRAFT && (old.status() != MotionStatus.CLOSED || old.outcome() == MotionOutcome.ADOPTED)) {
				throw new Conflict("motion " + current + " is already linked and its vote is not over or not rejected");
			}
		}
		jdbc.sql("update funding_plan set motion_id = ?, version = version + 1, updated_at = now() where id = ?")
			.params(motionId, id)
			.update();
		changed("funding.motion-linked", id, "linked motion " + motionId + " to the funding plan " + id);
		if (m.status() == MotionStatus.CLOSED && m.outcome() != null) {
			motionClosed(motionId, m.outcome());
		}
		return view(id);
	}

	/** What a closed motion means for the plans that link it: adopted approves; any other outcome is recorded. Idempotent. */
	@Transactional
	public void motionClosed(long motionId, MotionOutcome outcome) {
		for (long id : jdbc.sql("select id from funding_plan where motion_id = ? and status = 'DRAFT' for update")
			.param(motionId)
			.query(Long.class)
			.list()) {
			int recorded = jdbc.sql("insert into funding_decision (plan_id, motion_id, outcome) values (?, ?, ?) on conflict do nothing")
				.params(id, motionId, outcome.name())
				.update();
			if (outcome == MotionOutcome.ADOPTED) {
				jdbc.sql("update funding_plan set status = 'APPROVED', approved_at = now(), version = version + 1, updated_at = now() where id = ?")
					.param(id)
					.update();
				changed("funding.plan-approved", id, "motion " + motionId + " adopted the funding plan " + id);
			}
			else if (recorded > 0) {
				changed("funding.plan-not-approved", id, "motion " + motionId + " did not adopt the funding plan " + id + ": " + outcome);
			}
		}
	}

	// ---- payments and statements

	/** Records a payment received from a payer of an approved plan; answers the payer's statement. */
	@Transactional
	public StatementView recordPayment(long id, NewPayment p) {
		boolean hasAlliance = p.alliance() != null && !p.alliance().isBlank();
		Long contribution = null;
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (hasAlliance == (p.organizationId() != null)) {
			errors.add(new Invalid.FieldError("alliance", "name the payer: an alliance or an organizationId, not both"));
		}
		else if (hasAlliance) {
			Long allianceId = alliances.find(p.alliance().strip()).map(Alliance::id).orElse(null);
			contribution = allianceId == null ? null
					: jdbc.sql("select id from funding_contribution where plan_id = ? and alliance_id = ?")
						.params(id, allianceId).query(Long.class).optional().orElse(null);
			if (contribution == null) {
				errors.add(new Invalid.FieldError("alliance", "not a payer of this plan"));
			}
		}
		else {
			contribution = jdbc.sql("select id from funding_contribution where plan_id = ? and organization_id = ? and alliance_id is null")
				.params(id, p.organizationId()).query(Long.class).optional().orElse(null);
			if (contribution == null) {
				errors.add(new Invalid.FieldError("organizationId", "not a payer of this plan"));
			}
		}
		return pay(id, contribution, p, errors);
	}

	/**
	 * Records a payment on a contribution of the plan, as the back office's form names the payer; {@code errors} are
	 * those the form found already (unreadable fields), reported together with the plan's own.
	 */
	@Transactional
	public StatementView recordPayment(long id, @Nullable Long contributionId, NewPayment p, List<Invalid.FieldError> errors) {
		errors = new ArrayList<>(errors);
		boolean ours = contributionId != null
				&& jdbc.sql("select exists(select 1 from funding_contribution where id = ? and plan_id = ?)")
					.params(contributionId, id).query(Boolean.class).single();
		if (!ours && errors.stream().noneMatch(e -> e.field().equals("contributionId"))) {
			errors.add(new Invalid.FieldError("contributionId", "not a payer of this plan"));
		}
		return pay(id, ours ? contributionId : null, p, errors);
	}

	@SuppressWarnings("ConstantValue") // the form passes what it could not read as null
	private StatementView pay(long id, @Nullable Long contribution, NewPayment p, List<Invalid.FieldError> errors) {
		Head h = head(id, true);
		if (p.paidOn() != null && p.paidOn().isAfter(today())) {
			errors.add(new Invalid.FieldError("paidOn", "not in the future"));
		}
		if ((p.reference() == null || p.reference().isBlank()) && errors.stream().noneMatch(e -> e.field().equals("reference"))) {
			errors.add(new Invalid.FieldError("reference", "the bank transfer reference is required"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (h.status() != PlanStatus.APPROVED) {
			throw new Conflict("payments are recorded against an approved plan");
		}
		try {
			jdbc.sql("""
					insert into funding_payment (plan_id, contribution_id, amount, paid_on, reference, note, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, contribution, money(p.amount()), p.paidOn(), p.reference().strip(), blankToNull(p.note()),
						access.currentUser().map(u -> u.getUsername()).orElse(null))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("the bank transfer reference " + p.reference().strip() + " is already recorded for this plan");
		}
		changed("funding.payment-recorded", id, "recorded " + money(p.amount()) + " 万元 (" + p.reference().strip()
				+ ") on contribution " + contribution);
		return statement(contribution);
	}

	/** A payer's statement: what is due, paid and outstanding, with the payments and reminders. */
	public StatementView statement(long contributionId) {
		Row r = jdbc.sql(ROW + " where id = ?").param(contributionId).query(FundingPlans::row).optional()
			.orElseThrow(() -> new NotFound("statement " + contributionId));
		return statements(List.of(r)).get(0);
	}

	/** The statements of the payers these organisations act for (an alliance's through the organisation that stands for it). */
	public List<StatementView> statementsOf(Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		List<Row> rows = jdbc.sql(ROW + " where organization_id = any(?) order by plan_id desc, id")
			.param(organizationIds.toArray(Long[]::new))
			.query(FundingPlans::row)
			.list();
		return statements(rows);
	}

	private List<StatementView> statements(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
		Map<Long, List<StatementView.Payment>> payments = new HashMap<>();
		jdbc.sql("select contribution_id, id, amount, paid_on, reference from funding_payment where contribution_id = any(?) order by paid_on, id")
			.param(ids)
			.query((rs, i) -> Map.entry(rs.getLong(1), new StatementView.Payment(rs.getLong(2), rs.getBigDecimal(3),
					rs.getObject(4, LocalDate.class), rs.getString(5))))
			.list()
			.forEach(e -> payments.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, List<StatementView.Reminder>> reminders = new HashMap<>();
		jdbc.sql("select contribution_id, round, outstanding, sent_at from funding_reminder where contribution_id = any(?) order by round")
			.param(ids)
			.query((rs, i) -> Map.entry(rs.getLong(1), new StatementView.Reminder(rs.getInt(2), rs.getBigDecimal(3),
					rs.getObject(4, OffsetDateTime.class))))
			.list()
			.forEach(e -> reminders.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Head> heads = new HashMap<>();
		Map<Long, Payer> payers = payers(rows);
		List<StatementView> result = new ArrayList<>();
		for (Row r : rows) {
			Head h = heads.computeIfAbsent(r.planId(), p -> head(p, false));
			List<StatementView.Payment> paid = payments.getOrDefault(r.id(), List.of());
			BigDecimal sum = paid.stream().map(StatementView.Payment::amount).reduce(zero(), BigDecimal::add);
			result.add(new StatementView(r.id(), r.planId(), h.year(), h.title(), h.status(), payers.get(r.id()), r.source(),
					r.amount(), r.dueOn(), sum, positive(r.amount().subtract(sum)), positive(sum.subtract(r.amount())), paid,
					reminders.getOrDefault(r.id(), List.of())));
		}
		return result;
	}

	// ---- execution

	/** Planned against received, by source and by payer. */
	public ExecutionView execution(long id) {
		FundingPlanView plan = view(id);
		List<Row> rows = jdbc.sql(ROW + " where plan_id = ? order by id").param(id).query(FundingPlans::row).list();
		List<StatementView> statements = statements(rows);
		Map<SourceKind, BigDecimal> due = new EnumMap<>(SourceKind.class);
		Map<SourceKind, BigDecimal> received = new EnumMap<>(SourceKind.class);
		List<ByPayer> byPayer = new ArrayList<>();
		for (StatementView s : statements) {
			due.merge(s.source(), s.due(), BigDecimal::add);
			received.merge(s.source(), s.paid(), BigDecimal::add);
			byPayer.add(new ByPayer(s.id(), s.payer(), s.source(), s.due(), s.dueOn(), s.paid(), s.outstanding(), s.overpaid(),
					rate(s.paid(), s.due())));
		}
		Map<SourceKind, BySource> bySource = new LinkedHashMap<>();
		for (Source src : plan.sources()) {
			BigDecimal r = received.getOrDefault(src.kind(), zero());
			bySource.put(src.kind(), new BySource(src.kind(), src.planned(), due.getOrDefault(src.kind(), zero()), r,
					rate(r, src.planned())));
		}
		BigDecimal totalDue = due.values().stream().reduce(zero(), BigDecimal::add);
		BigDecimal totalReceived = received.values().stream().reduce(zero(), BigDecimal::add);
		return new ExecutionView(id, plan.year(), plan.title(), plan.status(), plan.plannedTotal(), totalDue, totalReceived,
				rate(totalReceived, plan.plannedTotal()), List.copyOf(bySource.values()), byPayer);
	}

	// ---- reminders

	/** A contribution of an approved plan not paid in full by its due date (today or earlier). */
	public record Overdue(long contributionId, long planId, int year, String planTitle, @Nullable Long allianceId,
			long organizationId, BigDecimal due, BigDecimal outstanding, LocalDate dueOn) {
	}

	/** The contributions of approved plans due on or before {@code today} and not paid in full. */
	public List<Overdue> overdue(LocalDate today) {
		return jdbc.sql("""
				select c.id, p.id, p.year, p.title, c.alliance_id, c.organization_id, c.amount,
				       c.amount - coalesce((select sum(amount) from funding_payment x where x.contribution_id = c.id), 0), c.due_on
				from funding_contribution c join funding_plan p on p.id = c.plan_id
				where p.status = 'APPROVED' and c.due_on <= ?
				  and c.amount > coalesce((select sum(amount) from funding_payment x where x.contribution_id = c.id), 0)
				order by c.id""")
			.param(today)
			.query((rs, i) -> new Overdue(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getObject(5, Long.class),
					rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getObject(9, LocalDate.class)))
			.list();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	// ---- helpers

	private void changed(String action, long planId, String summary) {
		events.publishEvent(new FundingChanged(action, network().id(), "funding-plan:" + planId, summary));
	}

	static BigDecimal money(BigDecimal b) {
		return b.setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal zero() {
		return BigDecimal.ZERO.setScale(2);
	}

	private static BigDecimal positive(BigDecimal b) {
		return b.signum() > 0 ? money(b) : zero();
	}

	private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
		if (whole.signum() == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
