package org.alliancehub.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.membership.MembershipEvents.OrganizationCreated;
import org.alliancehub.membership.MembershipEvents.OrganizationUpdated;
import org.alliancehub.network.AllianceEvents.AllianceCreated;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Regions;
import org.alliancehub.shared.WarmUp;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member organisations and their products. Every alliance is also an organisation here (of type
 * ASSOCIATION), so that it can be a member of the network the same way an enterprise is a member of an
 * alliance.
 */
@Service
public class Organizations {

	private static final String COLUMNS = "id, name, type, region, website, profile, represents_alliance_id, registered_by_alliance_id, version, created_at, updated_at";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Organizations(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		// the regions of China (a JSON file read into tables) are ready before the demo fill's first organisation
		WarmUp.inBackground("regions", Regions::china);
	}

	public PageResult<Organization> list(@Nullable String q, @Nullable OrganizationType type, @Nullable String region,
			Paging paging) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			where.append(" and (name ilike ? or profile ilike ?)");
			String like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		if (type != null) {
			where.append(" and type = ?");
			params.add(type.name());
		}
		if (region != null && !region.isBlank()) {
			String code = OrganizationRegions.filter(region);
			if (code.matches("\\d{2}0000")) { // a province: its cities too
				where.append(" and region like ?");
				params.add(code.substring(0, 2) + "____");
			}
			else {
				where.append(" and region = ?");
				params.add(code);
			}
		}
		long total = jdbc.sql("select count(*) from organization" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<Organization> items = jdbc.sql("select " + COLUMNS + " from organization" + where + " order by id limit ? offset ?")
			.params(pageParams)
			.query(this::mapWithoutProducts)
			.list();
		return new PageResult<>(withProducts(items), paging.page(), paging.size(), total);
	}

	public long count() {
		return jdbc.sql("select count(*) from organization").query(Long.class).single();
	}

	/** Organisations in id order after {@code afterId}: for rebuilding indexes in batches. */
	public List<Organization> after(long afterId, int limit) {
		return withProducts(jdbc.sql("select " + COLUMNS + " from organization where id > ? order by id limit ?")
			.params(afterId, limit)
			.query(this::mapWithoutProducts)
			.list());
	}

	public Organization get(long id) {
		Organization o = jdbc.sql("select " + COLUMNS + " from organization where id = ?")
			.param(id)
			.query(this::mapWithoutProducts)
			.optional()
			.orElseThrow(() -> new NotFound("organization " + id));
		return withProducts(List.of(o)).get(0);
	}

	public List<Organization> getAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withProducts(jdbc.sql("select " + COLUMNS + " from organization where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::mapWithoutProducts)
			.list());
	}

	/**
	 * The names of the given organisations by id, in one query: for other modules that list organisations
	 * they keep only the ids of (participants, recipients, proxies). Unknown ids are left out.
	 */
	public Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from organization where id = any(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	public java.util.Optional<Organization> findByName(String name) {
		return jdbc.sql("select id from organization where name = ?")
			.param(name.strip())
			.query(Long.class)
			.optional()
			.map(this::get);
	}

	/** The organisation that stands for an alliance inside the network. */
	public Organization representing(long allianceId) {
		long id = jdbc.sql("select id from organization where represents_alliance_id = ?")
			.param(allianceId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("organization of alliance " + allianceId));
		return get(id);
	}

	/** The ids of the organisations that stand for these alliances in the network, in one statement. */
	public java.util.Set<Long> idsRepresenting(java.util.Collection<Long> allianceIds) {
		if (allianceIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.LinkedHashSet<>(jdbc.sql("select id from organization where represents_alliance_id = any(?) order by id")
			.param(allianceIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/** Registers an organisation on the network's behalf (no alliance registered it). */
	@Transactional
	public Organization create(NewOrganization o) {
		return create(o, null, null);
	}

	/**
	 * Registers an organisation for the alliance {@code registeredByAllianceId} (null: the network), which may
	 * then take it in directly and name its first representative.
	 */
	@Transactional
	public Organization create(NewOrganization o, @Nullable Long registeredByAllianceId) {
		return create(o, null, registeredByAllianceId);
	}

	private Organization create(NewOrganization o, @Nullable Long representsAllianceId,
			@Nullable Long registeredByAllianceId) {
		long id;
		String region = OrganizationRegions.code(o.region(), "region");
		try {
			id = jdbc.sql("""
					insert into organization (name, type, region, website, profile, represents_alliance_id,
					  registered_by_alliance_id)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(o.name().strip(), o.type().name(), region, blank(o.website()), blank(o.profile()),
						representsAllianceId, registeredByAllianceId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("an organisation named '" + o.name().strip() + "' already exists");
		}
		replaceProducts(id, o.products());
		events.publishEvent(new OrganizationCreated(id, o.name().strip(), registeredByAllianceId));
		return get(id);
	}

	@Transactional
	public Organization update(long id, OrganizationPatch p) {
		Organization current = get(id);
		if (p.version() != null && p.version() != current.version()) {
			throw Conflict.staleVersion("organization " + id);
		}
		String name = p.name() != null ? p.name().strip() : current.name();
		if (name.isEmpty()) {
			throw Invalid.field("name", "must not be blank");
		}
		int n;
		try {
			n = jdbc.sql("""
					update organization set name = ?, type = ?, region = ?, website = ?, profile = ?,
					  version = version + 1, updated_at = now() where id = ? and version = ?""")
				.params(name, (p.type() != null ? p.type() : current.type()).name(),
						p.region() != null ? OrganizationRegions.code(p.region(), "region") : stored(current),
						p.website() != null ? blank(p.website()) : current.website(),
						p.profile() != null ? blank(p.profile()) : current.profile(), id, current.version())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("an organisation named '" + name + "' already exists");
		}
		if (n == 0) {
			throw Conflict.staleVersion("organization " + id);
		}
		if (p.products() != null) {
			jdbc.sql("delete from product where organization_id = ?").param(id).update();
			replaceProducts(id, p.products());
		}
		events.publishEvent(new OrganizationUpdated(id, name));
		return get(id);
	}

	@EventListener
	void on(AllianceCreated created) {
		create(new NewOrganization(created.name(), OrganizationType.ASSOCIATION, null, null, null, List.of()),
				created.id(), created.id());
	}

	private void replaceProducts(long organizationId, @Nullable List<Product> products) {
		if (products == null) {
			return;
		}
		int position = 0;
		for (Product p : products) {
			jdbc.sql("insert into product (organization_id, position, name, description) values (?, ?, ?, ?)")
				.params(organizationId, position++, p.name().strip(), blank(p.description()))
				.update();
		}
	}

	private List<Organization> withProducts(List<Organization> orgs) {
		if (orgs.isEmpty()) {
			return orgs;
		}
		Map<Long, List<Product>> products = new HashMap<>();
		jdbc.sql("select organization_id, name, description from product where organization_id = any(?) order by organization_id, position")
			.param(orgs.stream().map(Organization::id).toArray(Long[]::new))
			.query(rs -> {
				products.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Product(rs.getString(2), rs.getString(3)));
			});
		return orgs.stream()
			.map(o -> new Organization(o.id(), o.name(), o.type(), o.region(), o.regionCode(), o.website(),
					o.profile(), List.copyOf(products.getOrDefault(o.id(), List.of())), o.representsAllianceId(),
					o.registeredByAllianceId(), o.version(), o.createdAt(), o.updatedAt()))
			.toList();
	}

	private Organization mapWithoutProducts(ResultSet rs, int row) throws SQLException {
		Long represents = rs.getObject("represents_alliance_id", Long.class);
		String region = rs.getString("region");
		return new Organization(rs.getLong("id"), rs.getString("name"), OrganizationType.valueOf(rs.getString("type")),
				OrganizationRegions.name(region), OrganizationRegions.storedCode(region), rs.getString("website"),
				rs.getString("profile"), List.of(), represents, rs.getObject("registered_by_alliance_id", Long.class),
				rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	/** The region as stored: the code, or older free text the migration could not place. */
	private static @Nullable String stored(Organization o) {
		return o.regionCode() != null ? o.regionCode() : o.region();
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
