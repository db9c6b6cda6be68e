package org.alliancehub.collaboration;

import org.alliancehub.shared.Strings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.collaboration.CollaborationEvents.ResourceRequestDecided;
import org.alliancehub.collaboration.CollaborationEvents.ResourceRequested;
import org.alliancehub.collaboration.CollaborationTypes.Decision;
import org.alliancehub.collaboration.CollaborationTypes.RequestStatus;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared resources (资源共享): an organisation offers experts, equipment, funds or talent programmes through an
 * alliance (its representative, or the alliance's secretariat for a member); a member asks for one over a period
 * and for a purpose; the owning organisation's representatives approve or decline with a reason. Equipment has a
 * calendar: a request holds its days while pending or approved, and PostgreSQL refuses an overlapping one (an
 * exclusion constraint), however many arrive at once. Everyone involved is told by e-mail.
 */
@Service
public class SharedResources {

	private static final String CALENDAR = "collab_equipment_calendar";

	private final JdbcClient jdbc;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	SharedResources(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Memberships memberships,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.events = events;
	}

	public record NewResource(@NotNull ResourceKind kind, @NotNull Long organizationId, @NotBlank @Size(max = 300) String name,
			@Nullable @Size(max = 20_000) String description, @Nullable @Size(max = 500) String fields,
			@Nullable @Size(max = 100) String title, @Nullable @Size(max = 300) String location,
			@Nullable @Size(max = 5000) String capabilities, @Nullable @Size(max = 5000) String conditions,
			@Nullable Visibility visibility) {
	}

	public record NewRequest(@NotNull Long organizationId, @NotNull LocalDate from, @NotNull LocalDate to,
			@NotBlank @Size(max = 5000) String purpose) {
	}

	public record DecisionInput(@NotNull Decision decision, @Nullable @Size(max = 2000) String reason) {
	}

	/** Offers a resource of a member organisation in the alliance. */
	@Transactional
	public ResourceView offer(String slug, NewResource r) {
		Alliance a = alliances.get(slug);
		Organization owner;
		try {
			owner = organizations.get(r.organizationId());
		}
		catch (NotFound e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		if (!access.canManage(a.id()) && !access.canActFor(owner.id())) {
			throw new Forbidden("only the organisation's representative or the alliance's secretariat offers its resources");
		}
		boolean belongs = memberships.isActiveMember(a.id(), owner.id())
				|| (owner.representsAllianceId() != null && owner.representsAllianceId() == a.id());
		if (!belongs) {
			throw Invalid.field("organizationId", "not a member of the alliance");
		}
		long id = jdbc.sql("""
				insert into collab_resource (alliance_id, organization_id, kind, name, description, fields, person_title,
				  location, capabilities, conditions, visibility) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.id(), owner.id(), r.kind().name(), r.name().strip(), Strings.blankToNull(r.description()),
					Strings.blankToNull(r.fields()), Strings.blankToNull(r.title()), Strings.blankToNull(r.location()),
					Strings.blankToNull(r.capabilities()), Strings.blankToNull(r.conditions()),
					(r.visibility() == null ? Visibility.PUBLIC : r.visibility()).name())
			.query(Long.class)
			.single();
		changed("resource.offered", a.id(), "resource:" + id, r.name());
		return get(id);
	}

	@Transactional
	public void markDemo(long id) {
		jdbc.sql("update collab_resource set demo = true where id = ?").param(id).update();
	}

	/**
	 * A request for the resource in the name of an organisation the caller acts for. For equipment, a period
	 * overlapping a pending or approved booking is refused (409).
	 */
	@Transactional
	public ResourceRequestView request(long resourceId, NewRequest r) {
		ResourceView resource = get(resourceId);
		List<Invalid.FieldError> errors = new ArrayList<>();
		Projects.plausible(r.from(), "from", errors);
		Projects.plausible(r.to(), "to", errors);
		if (errors.isEmpty() && r.to().isBefore(r.from())) {
			errors.add(new Invalid.FieldError("to", "must not be before from"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		try {
			organizations.get(r.organizationId());
		}
		catch (NotFound e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		if (!access.canActFor(r.organizationId())) {
			throw new Forbidden("only the organisation's representative asks in its name");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into collab_resource_request (resource_id, organization_id, requested_by, period, purpose, books_calendar)
					values (?, ?, ?, daterange(?, ?, '[]'), ?, ?) returning id""")
				.params(resourceId, r.organizationId(), access.requireUser().id(), r.from(), r.to(), r.purpose().strip(),
						resource.kind().hasCalendar())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException e) {
			if (String.valueOf(e.getMessage()).contains(CALENDAR)) {
				throw new Conflict("the equipment is already booked for part of " + r.from() + " – " + r.to());
			}
			throw e;
		}
		ResourceRequestView view = requestView(id);
		events.publishEvent(new ResourceRequested(id, alliances.get(resource.alliance()).id(),
				view.organization() + " asks for " + view.resource()));
		return view;
	}

	/** The owning organisation's decision; a decline gives a reason. A request is decided once (409 after). */
	@Transactional
	public ResourceRequestView decide(long requestId, DecisionInput d) {
		ResourceRequestView r = requestView(requestId);
		if (!access.canActFor(r.ownerOrganizationId())) {
			throw new Forbidden("only the owning organisation's representative decides");
		}
		String reason = Strings.blankToNull(d.reason());
		if (d.decision() == Decision.DECLINE && reason == null) {
			throw Invalid.field("reason", "a decline gives a reason");
		}
		RequestStatus status = d.decision() == Decision.APPROVE ? RequestStatus.APPROVED : RequestStatus.DECLINED;
		int changed = jdbc.sql("""
				update collab_resource_request set status = ?, reason = ?, decided_by = ?, decided_at = now(),
				  version = version + 1, updated_at = now() where id = ? and status = 'PENDING'""")
			.params(status.name(), reason, access.requireUser().id(), requestId)
			.update();
		if (changed == 0) {
			throw new Conflict("the request was already " + r.status().name().toLowerCase());
		}
		ResourceRequestView view = requestView(requestId);
		long allianceId = jdbc.sql("select alliance_id from collab_resource where id = ?").param(r.resourceId())
			.query(Long.class).single();
		events.publishEvent(new ResourceRequestDecided(requestId, allianceId, view.resource() + ": " + status));
		return view;
	}

	public ResourceView get(long id) {
		return resources("where t.id = ?", List.of(id), 1, 0).stream().findFirst()
			.orElseThrow(() -> new NotFound("resource " + id));
	}

	/** The register of an alliance (or the network's), by kind; only what the caller may read. */
	public PageResult<ResourceView> register(@Nullable String slug, @Nullable ResourceKind kind, Paging paging) {
		StringBuilder where = new StringBuilder("where ");
		List<Object> params = new ArrayList<>();
		Readable.publicOrMembers(access, where, params);
		if (slug != null) {
			Alliance a = alliances.get(slug);
			if (!a.isNetwork()) {
				where.append(" and t.alliance_id = ?");
				params.add(a.id());
			}
		}
		if (kind != null) {
			where.append(" and t.kind = ?");
			params.add(kind.name());
		}
		long total = jdbc.sql("select count(*) from collab_resource t " + where).params(params).query(Long.class).single();
		return new PageResult<>(resources(where.toString(), params, paging.size(), paging.offset()), paging.page(),
				paging.size(), total);
	}

	/** The requests for a resource: all of them for its owner and the secretariat, one's own for the others. */
	public List<ResourceRequestView> requestsFor(long resourceId) {
		ResourceView r = get(resourceId);
		long allianceId = alliances.get(r.alliance()).id();
		if (access.canManage(allianceId) || access.canActFor(r.organizationId())) {
			return requests("where q.resource_id = ?", List.of(resourceId));
		}
		return requests("where q.resource_id = ? and q.organization_id = any(?)",
				List.of(resourceId, access.organizationsActedFor().toArray(Long[]::new)));
	}

	/** Requests waiting for the decision of organisations the caller acts for, or made by them. */
	public List<ResourceRequestView> requestsOf(Set<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		Long[] ids = organizationIds.toArray(Long[]::new);
		return requests("where r.organization_id = any(?) or q.organization_id = any(?)", List.of(ids, ids));
	}

	public ResourceRequestView requestView(long id) {
		return requests("where q.id = ?", List.of(id)).stream().findFirst()
			.orElseThrow(() -> new NotFound("resource request " + id));
	}

	private List<ResourceRequestView> requests(String where, List<Object> params) {
		record Row(long id, long resourceId, String resource, ResourceKind kind, long owner, long org, LocalDate from,
				LocalDate to, String purpose, RequestStatus status, @Nullable String reason, OffsetDateTime createdAt,
				@Nullable OffsetDateTime decidedAt) {
		}
		List<Row> rows = jdbc.sql("""
				select q.id, r.id, r.name, r.kind, r.organization_id, q.organization_id, lower(q.period), upper(q.period) - 1,
				  q.purpose, q.status, q.reason, q.created_at, q.decided_at
				from collab_resource_request q join collab_resource r on r.id = q.resource_id """ + " " + where
				+ " order by lower(q.period), q.id limit 500")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), ResourceKind.valueOf(rs.getString(4)),
					rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
					rs.getString(9), RequestStatus.valueOf(rs.getString(10)), rs.getString(11),
					rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class)))
			.list();
		Map<Long, String> names = new HashMap<>();
		organizations.getAll(rows.stream().flatMap(r -> java.util.stream.Stream.of(r.owner(), r.org())).distinct().toList())
			.forEach(o -> names.put(o.id(), o.name()));
		return rows.stream()
			.map(r -> new ResourceRequestView(r.id(), r.resourceId(), r.resource(), r.kind(), r.owner(),
					names.getOrDefault(r.owner(), ""), r.org(), names.getOrDefault(r.org(), ""), r.from(), r.to(), r.purpose(),
					r.status(), r.reason(), r.createdAt(), r.decidedAt()))
			.toList();
	}

	private List<ResourceView> resources(String where, List<Object> params, int limit, long offset) {
		record Row(long id, long allianceId, long org, ResourceKind kind, String name, @Nullable String description,
				@Nullable String fields, @Nullable String title, @Nullable String location, @Nullable String capabilities,
				@Nullable String conditions, Visibility visibility, boolean demo, long version) {
		}
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		List<Row> rows = jdbc.sql("""
				select t.id, t.alliance_id, t.organization_id, t.kind, t.name, t.description, t.fields, t.person_title,
				  t.location, t.capabilities, t.conditions, t.visibility, t.demo, t.version
				from collab_resource t """ + " " + where + " order by t.kind, t.id limit ? offset ?")
			.params(all)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), ResourceKind.valueOf(rs.getString(4)),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getString(11), Visibility.valueOf(rs.getString(12)), rs.getBoolean(13), rs.getLong(14)))
			.list();
		Map<Long, String> names = new HashMap<>();
		organizations.getAll(rows.stream().map(Row::org).distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
		Map<Long, List<ResourceView.Booking>> bookings = new HashMap<>();
		List<Long> equipment = rows.stream().filter(r -> r.kind().hasCalendar()).map(Row::id).toList();
		if (!equipment.isEmpty()) {
			jdbc.sql("""
					select resource_id, lower(period), upper(period) - 1, status from collab_resource_request
					where resource_id = any(?) and books_calendar and status in ('PENDING', 'APPROVED')
					  and upper(period) > current_date order by lower(period)""")
				.param(equipment.toArray(Long[]::new))
				.query((rs, i) -> {
					bookings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new ResourceView.Booking(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
								RequestStatus.valueOf(rs.getString(4))));
					return 0;
				})
				.list();
		}
		return rows.stream().map(r -> {
			Alliance a = alliances.get(r.allianceId());
			return new ResourceView(r.id(), a.slug(), a.displayShortName(), r.org(), names.getOrDefault(r.org(), ""), r.kind(),
					r.name(), r.description(), r.fields(), r.title(), r.location(), r.capabilities(), r.conditions(),
					r.visibility(), bookings.getOrDefault(r.id(), List.of()), r.demo(), r.version());
		}).toList();
	}

	private void changed(String action, long allianceId, String subject, String summary) {
		events.publishEvent(new CollaborationEvents.CollaborationChanged(action, allianceId, subject, summary));
	}

}
