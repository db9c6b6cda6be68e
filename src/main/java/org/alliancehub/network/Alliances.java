package org.alliancehub.network;

import org.alliancehub.shared.Strings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.alliancehub.network.AllianceEvents.AllianceCreated;
import org.alliancehub.network.AllianceEvents.AllianceUpdated;
import org.alliancehub.platform.DatabaseNotifications;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Html;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The alliances of the network and the network itself: founding one, reading and editing its profile.
 * Alliances are read on nearly every page, so they are kept in Spring caches (Caffeine) and in memory (the list of
 * them all, which the network's home page shows), and dropped on every change: on this node when the change
 * completes, on every other node when it hears of it through {@link DatabaseNotifications} (channel
 * {@value #CHANNEL}, delivered when the change commits), and everywhere when a node's listening connection was lost,
 * since announcements may have been missed meanwhile. A read that raced with a change is not kept: every copy is
 * taken under a generation that a change advances.
 */
@Service
public class Alliances {

	private static final String COLUMNS = "id, slug, kind, name, short_name, industry, founded_on, region, description, about,"
			+ " phone, fax, email, address, postcode, icp, version, created_at, updated_at";

	/** Chinese (pinyin) order by the database's ICU collation (V42), so that lists and their pages agree. */
	private static final String PINYIN_ORDER = " order by name collate pinyin, id";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Cache bySlug;

	private final Cache byId;

	/** The channel on which a node tells the others that an alliance changed (the payload is the node's name). */
	static final String CHANNEL = "alliances";

	private final @Nullable DatabaseNotifications notifications;

	/** Advanced by every change; a copy taken under an older generation is not served. */
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	/** {@link #all()} as read under a generation. */
	private record Everyone(long generation, List<Alliance> alliances) {
	}

	private volatile @Nullable Everyone everyone;

	Alliances(JdbcClient jdbc, ApplicationEventPublisher events, CacheManager caches,
			org.springframework.beans.factory.ObjectProvider<DatabaseNotifications> notifications) {
		this.jdbc = jdbc;
		this.events = events;
		this.bySlug = Objects.requireNonNull(caches.getCache("alliances-by-slug"));
		this.byId = Objects.requireNonNull(caches.getCache("alliances-by-id"));
		this.notifications = notifications.getIfAvailable();
		if (this.notifications != null) {
			// another node's change, or ANYTHING after a lost connection; this node's own was dropped when it completed
			// (dropping it again could empty a cache a test, or a request, has just filled with the committed row)
			String self = this.notifications.node();
			this.notifications.listen(CHANNEL, payload -> {
				if (!self.equals(payload)) {
					dropAll();
				}
			});
		}
	}

	/** Forgets every alliance this node keeps in memory. */
	private void dropAll() {
		generation.incrementAndGet();
		everyone = null;
		bySlug.clear();
		byId.clear();
	}

	/** All alliances of the network (not the network itself), in Chinese (pinyin) order. */
	public List<Alliance> list() {
		return jdbc.sql("select " + COLUMNS + " from alliance where kind = 'ALLIANCE'" + PINYIN_ORDER)
			.query(Alliances::map)
			.list();
	}

	/** One page of the alliances (not the network itself), in Chinese (pinyin) order, paged in SQL. */
	public PageResult<Alliance> page(Paging paging) {
		List<Alliance> items = jdbc
			.sql("select " + COLUMNS + " from alliance where kind = 'ALLIANCE'" + PINYIN_ORDER + " limit ? offset ?")
			.params(paging.size(), paging.offset())
			.query(Alliances::map)
			.list();
		long total = jdbc.sql("select count(*) from alliance where kind = 'ALLIANCE'").query(Long.class).single();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/** Every body of the installation, the network and its alliances, in one query, in Chinese order. */
	public List<Alliance> all() {
		long current = generation.get();
		Everyone kept = everyone;
		if (kept != null && kept.generation() == current) {
			return kept.alliances();
		}
		List<Alliance> all = List.copyOf(jdbc.sql("select " + COLUMNS + " from alliance" + PINYIN_ORDER).query(Alliances::map).list());
		// only what is committed (a transaction may see its own uncommitted change), and only if nothing changed meanwhile
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			everyone = new Everyone(current, all);
		}
		return all;
	}

	/** Short names by slug: for lists that name the alliance of each item. */
	public static Map<String, String> shortNames(java.util.Collection<Alliance> alliances) {
		Map<String, String> names = new java.util.HashMap<>();
		alliances.forEach(a -> names.put(a.slug(), a.displayShortName()));
		return names;
	}

	public Optional<Alliance> find(String slug) {
		Alliance cached = bySlug.get(slug, Alliance.class);
		if (cached != null) {
			return Optional.of(cached);
		}
		long current = generation.get();
		Optional<Alliance> found = jdbc.sql("select " + COLUMNS + " from alliance where slug = ?")
			.param(slug)
			.query(Alliances::map)
			.optional();
		found.ifPresent(a -> remember(a, current));
		return found;
	}

	public Alliance get(String slug) {
		return find(slug).orElseThrow(() -> new NotFound("alliance " + slug));
	}

	public Alliance get(long id) {
		Alliance cached = byId.get(id, Alliance.class);
		if (cached != null) {
			return cached;
		}
		long current = generation.get();
		Alliance a = jdbc.sql("select " + COLUMNS + " from alliance where id = ?")
			.param(id)
			.query(Alliances::map)
			.optional()
			.orElseThrow(() -> new NotFound("alliance " + id));
		remember(a, current);
		return a;
	}

	/**
	 * The URL names of the given alliances by id: the cached ones from memory, the rest in one query. For
	 * other modules that keep only an alliance's id beside their rows. Unknown ids are left out.
	 */
	public Map<Long, String> slugs(java.util.Collection<Long> ids) {
		Map<Long, String> slugs = new java.util.HashMap<>();
		List<Long> missing = new java.util.ArrayList<>();
		for (Long id : new java.util.HashSet<>(ids)) {
			Alliance cached = byId.get(id, Alliance.class);
			if (cached != null) {
				slugs.put(id, cached.slug());
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			long current = generation.get();
			jdbc.sql("select " + COLUMNS + " from alliance where id = any(?)")
				.param(missing.toArray(Long[]::new))
				.query(Alliances::map)
				.list()
				.forEach(a -> {
					remember(a, current);
					slugs.put(a.id(), a.slug());
				});
		}
		return slugs;
	}

	/** The network (联盟协同发展网) this installation serves, if it has been set up. */
	/**
	 * The network's id, remembered once found (the network is set up once and never removed), so that asking
	 * whether someone may manage the network costs nothing on every page.
	 */
	public Optional<Long> networkId() {
		Long id = networkId;
		if (id == null) {
			id = jdbc.sql("select id from alliance where kind = 'NETWORK'").query(Long.class).optional().orElse(null);
			networkId = id;
		}
		return Optional.ofNullable(id);
	}

	private volatile @Nullable Long networkId;

	public Optional<Alliance> network() {
		return jdbc.sql("select slug from alliance where kind = 'NETWORK'").query(String.class).optional().flatMap(this::find);
	}

	@Transactional
	public Alliance create(NewAlliance a) {
		return create(a, AllianceKind.ALLIANCE);
	}

	/** Founds the network itself; there is exactly one per installation. */
	@Transactional
	public Alliance createNetwork(NewAlliance a) {
		if (network().isPresent()) {
			throw new Conflict("the network already exists");
		}
		return create(a, AllianceKind.NETWORK);
	}

	private Alliance create(NewAlliance a, AllianceKind kind) {
		if (!Slugs.isValid(a.slug())) {
			throw Invalid.field("slug", "lower-case letters, digits and dashes only");
		}
		Contact c = a.contact() == null ? Contact.empty() : a.contact().toContact();
		long id;
		try {
			id = jdbc.sql("""
					insert into alliance (slug, kind, name, short_name, industry, founded_on, region, description,
					  phone, fax, email, address, postcode, icp)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(a.slug(), kind.name(), a.name().strip(), Strings.blankToNull(a.shortName()), Strings.blankToNull(a.industry()),
						a.foundedOn(), Strings.blankToNull(a.region()), Strings.blankToNull(a.description()), c.phone(), c.fax(),
						c.email(), c.address(), c.postcode(), Strings.blankToNull(a.icp()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("an alliance with slug '" + a.slug() + "' already exists");
		}
		Alliance created = get(id);
		changed(created);
		events.publishEvent(new AllianceCreated(id, created.slug(), created.name(), kind));
		return created;
	}

	/** Changes the fields the patch names; the about page (关于联盟) is sanitised on the way in. */
	@Transactional
	public Alliance update(String slug, AlliancePatch p) {
		Alliance current = get(slug);
		if (p.version() != null && p.version() != current.version()) {
			throw Conflict.staleVersion("alliance " + slug);
		}
		Contact c = current.contact();
		if (p.contact() != null) {
			NewAlliance.ContactInput ci = p.contact();
			c = new Contact(pick(ci.phone(), c.phone()), pick(ci.fax(), c.fax()), pick(ci.email(), c.email()),
					pick(ci.address(), c.address()), pick(ci.postcode(), c.postcode()));
		}
		String name = p.name() != null ? p.name().strip() : current.name();
		if (name.isEmpty()) {
			throw Invalid.field("name", "must not be blank");
		}
		int updated = jdbc.sql("""
				update alliance set name = ?, short_name = ?, industry = ?, founded_on = ?, region = ?, description = ?,
				  about = ?, phone = ?, fax = ?, email = ?, address = ?, postcode = ?, icp = ?,
				  version = version + 1, updated_at = now()
				where id = ? and version = ?""")
			.params(name, pick(p.shortName(), current.shortName()), pick(p.industry(), current.industry()),
					p.foundedOn() != null ? p.foundedOn() : current.foundedOn(), pick(p.region(), current.region()),
					pick(p.description(), current.description()),
					p.about() != null ? Strings.blankToNull(Html.sanitize(p.about())) : current.about(), c.phone(), c.fax(),
					c.email(), c.address(), c.postcode(), pick(p.icp(), current.icp()), current.id(), current.version())
			.update();
		if (updated == 0) {
			throw Conflict.staleVersion("alliance " + slug);
		}
		changed(current);
		Alliance changed = get(current.id());
		events.publishEvent(new AllianceUpdated(changed.id(), changed.slug(), changed.name()));
		return changed;
	}

	/** Keeps what was read under generation {@code read}, unless a change came meanwhile. */
	private void remember(Alliance a, long read) {
		// Only remember what is committed: a rolled-back creation must not linger in memory.
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		bySlug.put(a.slug(), a);
		byId.put(a.id(), a);
		// a change that advanced the generation before this put may have cleared the caches already: undo the put
		if (generation.get() != read) {
			bySlug.evict(a.slug());
			byId.evict(a.id());
		}
	}

	/**
	 * An alliance changed (or was founded): dropped here now and again when the change completes (what other threads
	 * read meanwhile was the old row), and on every other node once it commits.
	 */
	private void changed(Alliance a) {
		forget(a);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget(a);
				}
			});
		}
		if (notifications != null) {
			// in the transaction: delivered to every node when it commits, not at all if it rolls back
			notifications.announce(CHANNEL, notifications.node());
		}
	}

	private void forget(Alliance a) {
		generation.incrementAndGet();
		everyone = null;
		bySlug.evict(a.slug());
		byId.evict(a.id());
	}

	private static @Nullable String pick(@Nullable String given, @Nullable String current) {
		if (given == null) {
			return current;
		}
		return Strings.blankToNull(given);
	}


	private static Alliance map(ResultSet rs, int row) throws SQLException {
		return new Alliance(rs.getLong("id"), rs.getString("slug"), AllianceKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("short_name"), rs.getString("industry"),
				rs.getObject("founded_on", LocalDate.class), rs.getString("region"), rs.getString("description"),
				rs.getString("about"),
				new Contact(rs.getString("phone"), rs.getString("fax"), rs.getString("email"), rs.getString("address"),
						rs.getString("postcode")),
				rs.getString("icp"), rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}
}
