package org.alliancehub.collaboration;

import org.alliancehub.shared.Strings;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.alliancehub.collaboration.CollaborationTypes.MilestoneStatus;
import org.alliancehub.collaboration.CollaborationTypes.ParticipantRole;
import org.alliancehub.collaboration.CollaborationTypes.ParticipantStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint projects (联合攻关项目) of an alliance, or of the network with several alliances: the secretariat proposes
 * a project and invites organisations of any alliance, each of which takes part only once its own representative
 * (or the network administrator) accepts; milestones of the work packages carry a due date, a status, a
 * deliverable file and progress reports; the project moves from proposed to active to completed or cancelled.
 * Who may call what is decided by the access policy on the kind {@code project}; the rules about who acts for
 * which organisation are checked here.
 */
@Service
public class Projects {

	private final JdbcClient jdbc;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Uploads uploads;

	Projects(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Uploads uploads,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.uploads = uploads;
		this.events = events;
	}

	public record BudgetInput(@Nullable @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal enterprise,
			@Nullable @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal government,
			@Nullable @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal finance,
			@Nullable @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal other) {
	}

	/** A new project; {@code alliances} names the other alliances of a network project by slug. */
	public record NewProject(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 20_000) String summary,
			@Nullable @Size(max = 100) String field, @NotNull Long leadOrganizationId, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable ProjectVisibility visibility, @Nullable @Valid BudgetInput budget,
			@Nullable @Size(max = 50) List<@NotBlank @Size(max = 100) String> alliances) {
	}

	public record ProjectPatch(@Nullable @Size(min = 1, max = 300) String title, @Nullable @Size(max = 20_000) String summary,
			@Nullable @Size(max = 100) String field, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable ProjectStatus status, @Nullable ProjectVisibility visibility, @Nullable @Valid BudgetInput budget,
			@Nullable Long version) {
	}

	public record NewMilestone(@NotBlank @Size(max = 200) String workPackage, @NotBlank @Size(max = 300) String title,
			@NotNull LocalDate dueOn, @Nullable MilestoneStatus status) {
	}

	public record MilestonePatch(@Nullable @Size(min = 1, max = 300) String title, @Nullable LocalDate dueOn,
			@Nullable MilestoneStatus status, @Nullable Long version) {
	}

	public record NewReport(@NotBlank @Size(max = 20_000) String body, @Nullable Long organizationId) {
	}

	/** Register filters; all optional. */
	public record Filter(@Nullable ProjectStatus status, @Nullable String field, @Nullable String q) {
	}

	// ---- creating and changing

	@Transactional
	public ProjectView propose(String slug, NewProject p) {
		Alliance a = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		requireOrganization(p.leadOrganizationId(), "leadOrganizationId", errors);
		period(p.startsOn(), p.endsOn(), errors);
		List<Long> partners = new ArrayList<>();
		if (p.alliances() != null && !p.alliances().isEmpty()) {
			if (!a.isNetwork()) {
				errors.add(new Invalid.FieldError("alliances", "only a network project names other alliances"));
			}
			for (String s : p.alliances()) {
				alliances.find(s).filter(x -> !x.isNetwork()).ifPresentOrElse(x -> partners.add(x.id()),
						() -> errors.add(new Invalid.FieldError("alliances", "no alliance " + s)));
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		BudgetInput b = p.budget() == null ? new BudgetInput(null, null, null, null) : p.budget();
		long id = jdbc.sql("""
				insert into collab_project (alliance_id, title, summary, field, lead_organization_id, starts_on, ends_on,
				  visibility, budget_enterprise, budget_government, budget_finance, budget_other)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.id(), p.title().strip(), p.summary(), Strings.blankToNull(p.field()), p.leadOrganizationId(), p.startsOn(),
					p.endsOn(), (p.visibility() == null ? ProjectVisibility.PUBLIC : p.visibility()).name(),
					zero(b.enterprise()), zero(b.government()), zero(b.finance()), zero(b.other()))
			.query(Long.class)
			.single();
		for (long partner : new LinkedHashSet<>(partners)) {
			jdbc.sql("insert into collab_project_alliance (project_id, alliance_id) values (?, ?)").params(id, partner).update();
		}
		insertParticipant(id, p.leadOrganizationId(), ParticipantRole.LEAD);
		touched("project.proposed", id);
		return get(id);
	}

	/** Marks a project as demo content (written for the demo, not from a seed). */
	@Transactional
	public void markDemo(long id) {
		jdbc.sql("update collab_project set demo = true where id = ?").param(id).update();
	}

	@Transactional
	public ProjectView update(long id, ProjectPatch p) {
		ProjectView current = get(id);
		if (p.version() != null && p.version() != current.version()) {
			throw Conflict.staleVersion("the project");
		}
		if (p.status() != null && p.status() != current.status() && !current.status().canBecome(p.status())) {
			throw new Conflict("a " + current.status() + " project cannot become " + p.status());
		}
		List<Invalid.FieldError> errors = new ArrayList<>();
		LocalDate starts = p.startsOn() != null ? p.startsOn() : current.startsOn();
		LocalDate ends = p.endsOn() != null ? p.endsOn() : current.endsOn();
		period(starts, ends, errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		ProjectView.Budget b = current.budget();
		BudgetInput in = p.budget();
		int updated = jdbc.sql("""
				update collab_project set title = ?, summary = ?, field = ?, starts_on = ?, ends_on = ?, status = ?,
				  visibility = ?, budget_enterprise = ?, budget_government = ?, budget_finance = ?, budget_other = ?,
				  version = version + 1, updated_at = now()
				where id = ? and version = ?""")
			.params(p.title() != null ? p.title().strip() : current.title(),
					p.summary() != null ? p.summary() : current.summary(),
					p.field() != null ? Strings.blankToNull(p.field()) : current.field(), starts, ends,
					(p.status() != null ? p.status() : current.status()).name(),
					(p.visibility() != null ? p.visibility() : current.visibility()).name(),
					in != null && in.enterprise() != null ? in.enterprise() : b.enterprise(),
					in != null && in.government() != null ? in.government() : b.government(),
					in != null && in.finance() != null ? in.finance() : b.finance(),
					in != null && in.other() != null ? in.other() : b.other(), id, current.version())
			.update();
		if (updated == 0) {
			throw Conflict.staleVersion("the project");
		}
		touched("project.changed", id);
		return get(id);
	}

	/**
	 * Invites an organisation of any alliance. It takes part once its representative accepts; when the caller
	 * itself acts for the organisation (its representative, or the administrator), the invitation is accepted at once.
	 */
	@Transactional
	public ProjectView.Participant invite(long projectId, long organizationId) {
		ProjectView p = get(projectId);
		if (!p.open()) {
			throw new Conflict("the project is " + p.status() + "; no one joins it any more");
		}
		requireOrganization(organizationId, "organizationId", null);
		var existing = p.participants().stream().filter(x -> x.organizationId() == organizationId).findFirst();
		if (existing.isPresent() && existing.get().status() != ParticipantStatus.DECLINED) {
			throw new Conflict("the organisation is already " + existing.get().status().name().toLowerCase());
		}
		jdbc.sql("delete from collab_project_participant where project_id = ? and organization_id = ?")
			.params(projectId, organizationId)
			.update();
		insertParticipant(projectId, organizationId, ParticipantRole.PARTNER);
		touched("project.invited", projectId);
		return participant(projectId, organizationId);
	}

	/** The organisation's answer to an invitation; only its own representative (or the administrator) gives it. */
	@Transactional
	public ProjectView.Participant answer(long projectId, long organizationId, boolean accept) {
		if (!access.canActFor(organizationId)) {
			throw new Forbidden("only the organisation's representative answers for it");
		}
		int changed = jdbc.sql("""
				update collab_project_participant set status = ?, answered_at = now()
				where project_id = ? and organization_id = ? and status = 'INVITED'""")
			.params(accept ? "ACCEPTED" : "DECLINED", projectId, organizationId)
			.update();
		if (changed == 0) {
			ProjectView.Participant now = participant(projectId, organizationId);
			throw new Conflict("the invitation was already answered: " + now.status());
		}
		touched("project.answered", projectId);
		return participant(projectId, organizationId);
	}

	@Transactional
	public ProjectView.Milestone addMilestone(long projectId, NewMilestone m) {
		ProjectView p = get(projectId);
		if (!p.open()) {
			throw new Conflict("the project is " + p.status());
		}
		plausible(m.dueOn(), "dueOn");
		long id = jdbc.sql("insert into collab_milestone (project_id, work_package, title, due_on, status) values (?, ?, ?, ?, ?) returning id")
			.params(projectId, m.workPackage().strip(), m.title().strip(), m.dueOn(),
					(m.status() == null ? MilestoneStatus.PLANNED : m.status()).name())
			.query(Long.class)
			.single();
		touched("project.milestone-added", projectId);
		return milestone(projectId, id);
	}

	@Transactional
	public ProjectView.Milestone updateMilestone(long projectId, long milestoneId, MilestonePatch m) {
		ProjectView.Milestone current = milestone(projectId, milestoneId);
		if (m.version() != null && m.version() != current.version()) {
			throw Conflict.staleVersion("the milestone");
		}
		plausible(m.dueOn(), "dueOn");
		jdbc.sql("""
				update collab_milestone set title = ?, due_on = ?, status = ?, version = version + 1, updated_at = now()
				where id = ?""")
			.params(m.title() != null ? m.title().strip() : current.title(), m.dueOn() != null ? m.dueOn() : current.dueOn(),
					(m.status() != null ? m.status() : current.status()).name(), milestoneId)
			.update();
		touched("project.milestone-changed", projectId);
		return milestone(projectId, milestoneId);
	}

	/** A milestone's deliverable: by the secretariat, or by a representative of an organisation taking part. */
	@Transactional
	public ProjectView.Milestone deliver(long projectId, long milestoneId, String filename, long size, InputStream content) {
		milestone(projectId, milestoneId);
		requireWorker(projectId, null);
		Uploads.Stored s = uploads.store(filename, size, content, Uploads.DOCUMENTS);
		jdbc.sql("""
				update collab_milestone set deliverable_filename = ?, deliverable_content_type = ?, deliverable_size = ?,
				  deliverable_sha256 = ?, version = version + 1, updated_at = now() where id = ?""")
			.params(s.filename(), s.contentType(), s.sizeBytes(), s.sha256(), milestoneId)
			.update();
		touched("project.delivered", projectId);
		return milestone(projectId, milestoneId);
	}

	/** A stored deliverable, to be sent. */
	public record StoredFile(ProjectView.Deliverable file, java.nio.file.Path path) {
	}

	public StoredFile deliverable(long projectId, long milestoneId) {
		ProjectView.Milestone m = milestone(projectId, milestoneId);
		String sha = jdbc.sql("select deliverable_sha256 from collab_milestone where id = ?").param(milestoneId)
			.query(String.class).optional().orElse(null);
		if (m.deliverable() == null || sha == null) {
			throw new NotFound("deliverable of milestone " + milestoneId);
		}
		return new StoredFile(m.deliverable(), uploads.path(sha));
	}

	/** A progress report on a milestone, by the secretariat or a representative of an organisation taking part. */
	@Transactional
	public ProjectView.Milestone report(long projectId, long milestoneId, NewReport r) {
		milestone(projectId, milestoneId);
		requireWorker(projectId, r.organizationId());
		jdbc.sql("insert into collab_progress_report (milestone_id, organization_id, author_user_id, body) values (?, ?, ?, ?)")
			.params(milestoneId, r.organizationId(), access.requireUser().id(), r.body().strip())
			.update();
		touched("project.reported", projectId);
		return milestone(projectId, milestoneId);
	}

	// ---- reading

	public ProjectView get(long id) {
		record Row(long id, long allianceId, String title, @Nullable String summary, @Nullable String field, long lead,
				@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, ProjectStatus status, ProjectVisibility visibility,
				ProjectView.Budget budget, boolean demo, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
		}
		Row r = jdbc.sql("""
				select id, alliance_id, title, summary, field, lead_organization_id, starts_on, ends_on, status, visibility,
				  budget_enterprise, budget_government, budget_finance, budget_other, demo, version, created_at, updated_at
				from collab_project where id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
					ProjectStatus.valueOf(rs.getString(9)), ProjectVisibility.valueOf(rs.getString(10)),
					new ProjectView.Budget(rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14)),
					rs.getBoolean(15), rs.getLong(16), rs.getObject(17, OffsetDateTime.class),
					rs.getObject(18, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFound("project " + id));
		record P(long org, ParticipantRole role, ParticipantStatus status) {
		}
		List<P> ps = jdbc.sql("""
				select organization_id, role, status from collab_project_participant where project_id = ?
				order by role, invited_at, organization_id""")
			.param(id)
			.query((rs, i) -> new P(rs.getLong(1), ParticipantRole.valueOf(rs.getString(2)),
					ParticipantStatus.valueOf(rs.getString(3))))
			.list();
		Set<Long> orgIds = new LinkedHashSet<>();
		orgIds.add(r.lead());
		ps.forEach(p -> orgIds.add(p.org()));
		List<ProjectView.Milestone> milestones = milestones(id, orgIds);
		Map<Long, String> names = names(orgIds);
		Alliance a = alliances.get(r.allianceId());
		List<String> partners = jdbc.sql("select alliance_id from collab_project_alliance where project_id = ? order by alliance_id")
			.param(id)
			.query(Long.class)
			.list()
			.stream()
			.map(x -> alliances.get(x).slug())
			.toList();
		return new ProjectView(r.id(), a.slug(), a.name(), a.isNetwork(), partners, r.title(), r.summary(), r.field(),
				r.lead(), names.getOrDefault(r.lead(), ""), r.startsOn(), r.endsOn(), r.status(), r.visibility(), r.budget(),
				ps.stream().map(p -> new ProjectView.Participant(p.org(), names.getOrDefault(p.org(), ""), p.role(), p.status()))
					.toList(),
				milestones, r.demo(), r.version(), r.createdAt(), r.updatedAt());
	}

	/** The title and register line of a project: for modules that link to projects (achievements, later). */
	public ProjectSummary summary(long id) {
		return lines("where p.id = ?", List.of(id), 0, 1).stream().findFirst()
			.orElseThrow(() -> new NotFound("project " + id));
	}

	/**
	 * The register of an alliance (for the network: every alliance's), filtered, with only the projects the
	 * caller may read, counted in the database.
	 */
	public PageResult<ProjectSummary> register(@Nullable String slug, Filter f, Paging paging) {
		StringBuilder where = new StringBuilder("where ");
		List<Object> params = new ArrayList<>();
		Readable.clause(access, where, params);
		if (slug != null) {
			Alliance a = alliances.get(slug);
			if (!a.isNetwork()) {
				where.append(" and (p.alliance_id = ? or exists(select 1 from collab_project_alliance x where x.project_id = p.id and x.alliance_id = ?))");
				params.add(a.id());
				params.add(a.id());
			}
		}
		if (f.status() != null) {
			where.append(" and p.status = ?");
			params.add(f.status().name());
		}
		if (f.field() != null && !f.field().isBlank()) {
			where.append(" and p.field = ?");
			params.add(f.field().strip());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.append(" and (p.title ilike ? or p.summary ilike ?)");
			String like = "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("select count(*) from collab_project p " + where).params(params).query(Long.class).single();
		return new PageResult<>(lines(where.toString(), params, paging.offset(), paging.size()), paging.page(), paging.size(), total);
	}

	/** The fields projects of the register name, for the filter. */
	public List<String> fields() {
		return jdbc.sql("select distinct field from collab_project where field is not null order by field").query(String.class).list();
	}

	/** The secretariat's list: every project its alliance owns. */
	public List<ProjectSummary> ownedBy(long allianceId) {
		return lines("where p.alliance_id = ?", List.of(allianceId), 0, 500);
	}

	/** Projects an organisation is invited to and has not answered yet, for its representatives. */
	public List<ProjectSummary> invitationsOf(Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return lines("where exists(select 1 from collab_project_participant x where x.project_id = p.id and x.status = 'INVITED' and x.organization_id = any(?))",
				List.of((Object) organizationIds.toArray(Long[]::new)), 0, 100);
	}

	private List<ProjectSummary> lines(String where, List<Object> params, long offset, int limit) {
		record Line(long id, long allianceId, String title, @Nullable String field, long lead, ProjectStatus status,
				ProjectVisibility visibility, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, BigDecimal total,
				int participants, boolean demo) {
		}
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		List<Line> lines = jdbc.sql("""
				select p.id, p.alliance_id, p.title, p.field, p.lead_organization_id, p.status, p.visibility, p.starts_on, p.ends_on,
				  p.budget_enterprise + p.budget_government + p.budget_finance + p.budget_other,
				  (select count(*) from collab_project_participant x where x.project_id = p.id and x.status = 'ACCEPTED'), p.demo
				from collab_project p """ + " " + where + " order by p.created_at desc, p.id desc limit ? offset ?")
			.params(all)
			.query((rs, i) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					ProjectStatus.valueOf(rs.getString(6)), ProjectVisibility.valueOf(rs.getString(7)),
					rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getBigDecimal(10), rs.getInt(11),
					rs.getBoolean(12)))
			.list();
		Map<Long, String> names = names(lines.stream().map(Line::lead).toList());
		return lines.stream().map(l -> {
			Alliance a = alliances.get(l.allianceId());
			return new ProjectSummary(l.id(), a.slug(), a.displayShortName(), l.title(), l.field(),
					names.getOrDefault(l.lead(), ""), l.status(), l.visibility(), l.startsOn(), l.endsOn(), l.total(),
					l.participants(), l.demo());
		}).toList();
	}

	ProjectView.Milestone milestone(long projectId, long milestoneId) {
		return get(projectId).milestones().stream().filter(m -> m.id() == milestoneId).findFirst()
			.orElseThrow(() -> new NotFound("milestone " + milestoneId));
	}

	private List<ProjectView.Milestone> milestones(long projectId, Set<Long> orgIds) {
		record R(long id, long milestone, @Nullable Long org, String body, OffsetDateTime at) {
		}
		List<R> reports = jdbc.sql("""
				select r.id, r.milestone_id, r.organization_id, r.body, r.created_at from collab_progress_report r
				join collab_milestone m on m.id = r.milestone_id where m.project_id = ? order by r.created_at, r.id""")
			.param(projectId)
			.query((rs, i) -> new R(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
		reports.forEach(r -> {
			if (r.org() != null) {
				orgIds.add(r.org());
			}
		});
		Map<Long, String> names = names(orgIds);
		return jdbc.sql("""
				select id, work_package, title, due_on, status, deliverable_filename, deliverable_content_type, deliverable_size,
				  version from collab_milestone where project_id = ? order by due_on, id""")
			.param(projectId)
			.query((rs, i) -> milestone(rs, projectId))
			.list()
			.stream()
			.map(m -> new ProjectView.Milestone(m.id(), m.workPackage(), m.title(), m.dueOn(), m.status(), m.deliverable(),
					reports.stream().filter(r -> r.milestone() == m.id())
						.map(r -> new ProjectView.Report(r.id(), r.org(), r.org() == null ? null : names.get(r.org()), r.body(), r.at()))
						.toList(),
					m.version()))
			.toList();
	}

	private static ProjectView.Milestone milestone(ResultSet rs, long projectId) throws SQLException {
		long id = rs.getLong(1);
		String filename = rs.getString(6);
		ProjectView.Deliverable d = filename == null ? null : new ProjectView.Deliverable(filename, rs.getString(7),
				rs.getLong(8), "/api/v1/projects/" + projectId + "/milestones/" + id + "/deliverable");
		return new ProjectView.Milestone(id, rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				MilestoneStatus.valueOf(rs.getString(5)), d, List.of(), rs.getLong(9));
	}

	private ProjectView.Participant participant(long projectId, long organizationId) {
		return get(projectId).participants().stream().filter(p -> p.organizationId() == organizationId).findFirst()
			.orElseThrow(() -> new NotFound("participant " + organizationId));
	}

	private void insertParticipant(long projectId, long organizationId, ParticipantRole role) {
		boolean consented = access.canActFor(organizationId);
		jdbc.sql("""
				insert into collab_project_participant (project_id, organization_id, role, status, answered_at)
				values (?, ?, ?, ?, ?)""")
			.params(projectId, organizationId, role.name(), consented ? "ACCEPTED" : "INVITED",
					consented ? OffsetDateTime.now() : null)
			.update();
	}

	/** The secretariat, or a representative of an organisation that takes part (the one named, if any). */
	private void requireWorker(long projectId, @Nullable Long organizationId) {
		long allianceId = jdbc.sql("select alliance_id from collab_project where id = ?").param(projectId).query(Long.class).single();
		Set<Long> mine = access.organizationsActedFor();
		List<Long> accepted = jdbc.sql("select organization_id from collab_project_participant where project_id = ? and status = 'ACCEPTED'")
			.param(projectId)
			.query(Long.class)
			.list();
		if (organizationId != null) {
			if (!accepted.contains(organizationId)) {
				throw Invalid.field("organizationId", "the organisation does not take part in the project");
			}
			if (!access.canActFor(organizationId)) {
				throw new Forbidden("only the organisation's representative reports for it");
			}
			return;
		}
		if (access.canManage(allianceId) || accepted.stream().anyMatch(mine::contains)) {
			return;
		}
		throw new Forbidden("only the secretariat and those taking part work on the project");
	}

	private void requireOrganization(long id, String field, @Nullable List<Invalid.FieldError> errors) {
		try {
			organizations.get(id);
		}
		catch (NotFound e) {
			Invalid.FieldError error = new Invalid.FieldError(field, "no such organisation");
			if (errors == null) {
				throw new Invalid(List.of(error));
			}
			errors.add(error);
		}
	}

	private Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		for (Organization o : organizations.getAll(new LinkedHashSet<>(ids))) {
			names.put(o.id(), o.name());
		}
		return names;
	}

	static void period(@Nullable LocalDate from, @Nullable LocalDate to, List<Invalid.FieldError> errors) {
		plausible(from, "startsOn", errors);
		plausible(to, "endsOn", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new Invalid.FieldError("endsOn", "must not be before startsOn"));
		}
	}

	/** Dates of collaboration lie between 1900 and 2200: anything else is a typo (and beyond what the database stores). */
	static void plausible(@Nullable LocalDate date, String field, List<Invalid.FieldError> errors) {
		if (date != null && (date.getYear() < 1900 || date.getYear() > 2200)) {
			errors.add(new Invalid.FieldError(field, "a date between 1900 and 2200"));
		}
	}

	static void plausible(@Nullable LocalDate date, String field) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		plausible(date, field, errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
	}

	private static BigDecimal zero(@Nullable BigDecimal b) {
		return b == null ? BigDecimal.ZERO : b;
	}


	private void changed(String action, long allianceId, String subject, String summary) {
		events.publishEvent(new CollaborationEvents.CollaborationChanged(action, allianceId, subject, summary));
	}

	private void touched(String action, long projectId) {
		record Row(long allianceId, String title) {
		}
		Row r = jdbc.sql("select alliance_id, title from collab_project where id = ?").param(projectId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).single();
		changed(action, r.allianceId(), "project:" + projectId, r.title());
	}
}
