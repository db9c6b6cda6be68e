package org.alliancehub.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts and their roles. An administrator may grant any role. A secretariat may grant SECRETARIAT of
 * its own alliance, and may name the first representative (MEMBER_REP) of an organisation its alliance
 * registered, that nobody represents and that belongs to no other alliance. Every later change of an
 * organisation's representatives is the organisation's own: its representative adds or hands over
 * MEMBER_REP of it (or the network administrator does). Every grant is audited with who acted and for which
 * organisation or alliance.
 */
@Service
public class Users implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	Users(JdbcClient jdbc, PasswordEncoder passwords, Alliances alliances, Organizations organizations,
			Memberships memberships, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.events = events;
	}

	@Override
	public AllianceUser loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	public Optional<AllianceUser> find(String username) {
		return jdbc.sql("select id, username, display_name, password_hash, enabled, credentials_version from app_user where username = ?")
			.param(username)
			.query((rs, i) -> new AllianceUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), List.of(), rs.getLong(6)))
			.optional()
			.map(u -> new AllianceUser(u.id(), u.getUsername(), u.displayName(), u.getPassword(), u.isEnabled(),
					rolesOf(u.id()), u.credentialsVersion()));
	}

	Optional<AllianceUser> find(long id) {
		return jdbc.sql("select username from app_user where id = ?").param(id).query(String.class).optional()
			.flatMap(this::find);
	}

	/**
	 * The user as the database has it now, roles included, in one statement: every signed-in request reads
	 * it, so that a role taken away or a disabled account takes effect on the next request. Without the
	 * password hash.
	 */
	public Optional<AllianceUser> current(long id) {
		record Row(String username, String displayName, boolean enabled, long credentialsVersion,
				@org.jspecify.annotations.Nullable RoleGrant grant) {
		}
		List<Row> rows = jdbc.sql("""
				select u.username, u.display_name, u.enabled, u.credentials_version, r.role, r.alliance_id, r.organization_id
				from app_user u left join user_role r on r.user_id = u.id where u.id = ? order by r.id""")
			.param(id)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
					rs.getString(5) == null ? null : new RoleGrant(Role.valueOf(rs.getString(5)),
							(Long) rs.getObject(6), (Long) rs.getObject(7))))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Row first = rows.get(0);
		List<RoleGrant> roles = rows.stream().map(Row::grant).filter(java.util.Objects::nonNull).toList();
		return Optional.of(new AllianceUser(id, first.username(), first.displayName(), null, first.enabled(), roles,
				first.credentialsVersion()));
	}

	/**
	 * A user changes their own password, proving the current one. Every session and bearer token of the user
	 * ends (this one too): whoever learnt the old password is signed out.
	 */
	@Transactional
	public void changePassword(AllianceUser user, String currentPassword, String newPassword) {
		String hash = jdbc.sql("select password_hash from app_user where id = ? for update")
			.param(user.id())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("user " + user.id()));
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (!passwords.matches(currentPassword, hash)) {
			errors.add(new Invalid.FieldError("currentPassword", "is not your current password"));
		}
		if (newPassword.length() < 10 || newPassword.length() > 200) {
			errors.add(new Invalid.FieldError("newPassword", "must have 10 to 200 characters"));
		}
		else if (newPassword.equals(currentPassword)) {
			errors.add(new Invalid.FieldError("newPassword", "must differ from the current password"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		jdbc.sql("""
				update app_user set password_hash = ?, credentials_version = credentials_version + 1,
				version = version + 1, updated_at = now() where id = ?""")
			.params(passwords.encode(newPassword), user.id())
			.update();
		jdbc.sql("delete from api_token where user_id = ?").param(user.id()).update();
		events.publishEvent(new AccountChanged(user.id(), user.getUsername(), AccountChanged.Change.PASSWORD_CHANGED));
	}

	/**
	 * The administrator disables a user (who can then neither sign in nor go on using a session or token)
	 * or enables them again. Nobody disables their own account: the network would lose its last administrator.
	 */
	@Transactional
	public UserView setEnabled(long id, boolean enabled, AllianceUser actor) {
		AllianceUser user = current(id).orElseThrow(() -> new NotFound("user " + id));
		if (!enabled && id == actor.id()) {
			throw Invalid.field("enabled", "you cannot disable your own account");
		}
		if (user.isEnabled() == enabled) {
			return view(id);
		}
		jdbc.sql("""
				update app_user set enabled = ?, credentials_version = credentials_version + 1,
				version = version + 1, updated_at = now() where id = ?""")
			.params(enabled, id)
			.update();
		if (!enabled) {
			jdbc.sql("delete from api_token where user_id = ?").param(id).update();
		}
		events.publishEvent(new AccountChanged(id, user.getUsername(),
				enabled ? AccountChanged.Change.ENABLED : AccountChanged.Change.DISABLED));
		return view(id);
	}

	/** Names and e-mail addresses of the users who act for these organisations (their representatives). */
	public List<Recipient> representativesOf(java.util.Collection<Long> organizationIds) {
		if (organizationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct r.organization_id, u.display_name, u.email, u.id, u.language from user_role r join app_user u on u.id = r.user_id
				where r.role = 'MEMBER_REP' and r.organization_id = any(?) and u.enabled and u.email is not null""")
			.param(organizationIds.toArray(Long[]::new))
			.query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					Locale.forLanguageTag(rs.getString(5))))
			.list();
	}

	/** Names and e-mail addresses of the secretariats of these alliances: {@code organizationId} holds the alliance's id. */
	public List<Recipient> secretariatsOf(java.util.Collection<Long> allianceIds) {
		if (allianceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct r.alliance_id, u.display_name, u.email, u.id, u.language from user_role r join app_user u on u.id = r.user_id
				where r.role = 'SECRETARIAT' and r.alliance_id = any(?) and u.enabled and u.email is not null""")
			.param(allianceIds.toArray(Long[]::new))
			.query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					Locale.forLanguageTag(rs.getString(5))))
			.list();
	}

	/**
	 * The enabled users holding a secretariat's or a representative's role, or the administrator's, with all
	 * their roles (one statement): everyone, or only {@code userId} when it is given. For the notifications,
	 * which work out each one's waiting work.
	 */
	public List<RoleHolder> roleHolders(java.lang.@org.jspecify.annotations.Nullable Long userId) {
		java.util.Map<Long, RoleHolder> holders = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select u.id, u.display_name, u.email, r.role, r.alliance_id, r.organization_id, u.language
				from app_user u join user_role r on r.user_id = u.id
				where u.enabled and (cast(? as bigint) is null or u.id = ?) order by u.id, r.id""")
			.params(userId, userId)
			.query((rs, i) -> {
				long id = rs.getLong(1);
				String name = rs.getString(2);
				String email = rs.getString(3);
				Locale locale = Locale.forLanguageTag(rs.getString(7));
				RoleHolder h = holders.computeIfAbsent(id, k -> new RoleHolder(k, name, email, new ArrayList<>(), locale));
				h.roles().add(new RoleGrant(Role.valueOf(rs.getString(4)), (Long) rs.getObject(5), (Long) rs.getObject(6)));
				return h;
			})
			.list();
		return List.copyOf(holders.values());
	}

	/**
	 * A user with its roles, the address it receives e-mail at (null when it has none) and the language it reads
	 * (its e-mail is written in it).
	 */
	public record RoleHolder(long userId, String displayName, java.lang.@org.jspecify.annotations.Nullable String email,
			List<RoleGrant> roles, Locale locale) {
	}

	/** Someone to write to on behalf of an organisation, the user it is, and the language it reads. */
	public record Recipient(long organizationId, String displayName, String email, long userId, Locale locale) {
	}

	/** The languages a user may choose (IETF tags); the first is the alliance network's own. */
	public static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en");

	/** The language a user reads (an IETF tag of {@link #LANGUAGES}); Simplified Chinese for an unknown user. */
	public String language(long userId) {
		return jdbc.sql("select language from app_user where id = ?").param(userId).query(String.class).optional()
			.orElse(LANGUAGES.get(0));
	}

	/**
	 * The user chose a language (the language switch while signed in, or the notification settings); its e-mail
	 * comes in it from now on. Answers whether it changed. A tag the platform does not speak is refused.
	 */
	@Transactional
	public boolean chooseLanguage(long userId, String tag) {
		String t = LANGUAGES.stream().filter(l -> l.equalsIgnoreCase(tag.replace('_', '-'))).findFirst()
			.orElseThrow(() -> Invalid.field("language", "must be one of " + LANGUAGES));
		return jdbc.sql("update app_user set language = ?, updated_at = now() where id = ? and language <> ?")
			.params(t, userId, t)
			.update() > 0;
	}

	/**
	 * The language each of these addresses' users reads, for mail written to addresses (one statement); an address
	 * no enabled user has is missing from the answer, and its mail keeps the alliance network's Simplified Chinese.
	 * Addresses are compared without regard to case; the keys are the addresses as given.
	 */
	public Map<String, Locale> localesOf(java.util.Collection<String> emails) {
		if (emails.isEmpty()) {
			return Map.of();
		}
		Map<String, String> byLower = new HashMap<>();
		emails.forEach(e -> byLower.put(e.strip().toLowerCase(Locale.ROOT), e));
		Map<String, Locale> out = new HashMap<>();
		jdbc.sql("""
				select lower(email), min(language) from app_user where enabled and lower(email) = any(?)
				group by lower(email)""")
			.param(byLower.keySet().toArray(String[]::new))
			.query((rs, i) -> out.put(byLower.get(rs.getString(1)), Locale.forLanguageTag(rs.getString(2))))
			.list();
		return out;
	}

	public boolean exists(String username) {
		return jdbc.sql("select exists(select 1 from app_user where username = ?)").param(username)
			.query(Boolean.class).single();
	}

	public PageResult<UserView> list(Paging paging) {
		long total = jdbc.sql("select count(*) from app_user").query(Long.class).single();
		List<Long> ids = jdbc.sql("select id from app_user order by username limit ? offset ?")
			.params(paging.size(), paging.offset())
			.query(Long.class)
			.list();
		return new PageResult<>(ids.stream().map(this::view).toList(), paging.page(), paging.size(), total);
	}

	public UserView view(long id) {
		Map<Long, List<RoleGrant>> roles = new HashMap<>();
		roles.put(id, rolesOf(id));
		return jdbc.sql("select id, username, display_name, email, enabled, created_at from app_user where id = ?")
			.param(id)
			.query((rs, i) -> new UserView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), roles.get(id).stream().map(this::roleView).toList(),
					rs.getObject(6, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFound("user " + id));
	}

	/**
	 * A user as {@code viewer} may see it: the e-mail address only for the administrator and the user itself, so
	 * that nobody learns someone's address by re-submitting roles.
	 */
	public UserView viewFor(long id, AllianceUser viewer) {
		UserView v = view(id);
		if (viewer.has(Role.NETWORK_ADMIN) || viewer.id() == id) {
			return v;
		}
		return new UserView(v.id(), v.username(), v.displayName(), null, v.enabled(), v.roles(), v.createdAt());
	}

	/** Creates a user on behalf of {@code actor}, who may only hand out roles within its own reach. */
	@Transactional
	public UserView create(NewUser u, AllianceUser actor) {
		List<RoleGrant> grants = resolve(u.roles()).stream().distinct().toList();
		lockRepresentation(grants);
		List<RoleGrant> actorRoles = rolesOf(actor.id());
		for (RoleGrant g : grants) {
			if (!mayGrant(actor, actorRoles, g, true)) {
				throw new Forbidden("you may not grant " + describe(g));
			}
		}
		long id = insert(u.username(), u.displayName(), u.email(), passwords.encode(u.password()), grants);
		events.publishEvent(new UserCreated(id, u.username(), describe(grants), actor.getUsername(), concerned(grants)));
		return viewFor(id, actor);
	}

	/** Creates a user without a permission check: for the first administrator and the demo content. */
	@Transactional
	public UserView create(String username, String displayName, String email, String password, List<RoleGrant> grants) {
		return createHashed(username, displayName, email, passwords.encode(password), grants);
	}

	/** The stored form of {@code password}, for {@link #createHashed}. */
	public String hash(String password) {
		return passwords.encode(password);
	}

	/**
	 * As {@link #create(String, String, String, String, List)} with the password already in its stored form
	 * ({@link #hash}): the demo's many accounts with one published password pay for one bcrypt, not one each.
	 */
	@Transactional
	public UserView createHashed(String username, String displayName, @org.jspecify.annotations.Nullable String email,
			String passwordHash, List<RoleGrant> grants) {
		long id = insert(username, displayName, email, passwordHash, grants);
		events.publishEvent(new UserCreated(id, username, describe(grants), "system", concerned(grants)));
		return view(id);
	}

	private long insert(String username, String displayName, @org.jspecify.annotations.Nullable String email,
			String passwordHash, List<RoleGrant> grants) {
		long id;
		try {
			id = jdbc.sql("insert into app_user (username, display_name, email, password_hash) values (?, ?, ?, ?) returning id")
				.params(username, displayName.strip(), email == null || email.isBlank() ? null : email.strip(),
						passwordHash)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("user '" + username + "' already exists");
		}
		for (RoleGrant g : grants) {
			jdbc.sql("insert into user_role (user_id, role, alliance_id, organization_id) values (?, ?, ?, ?)")
				.params(id, g.role().name(), g.allianceId(), g.organizationId())
				.update();
		}
		return id;
	}

	/**
	 * Replaces a user's roles, e.g. when an organisation names a new representative: the role moves from
	 * one user to another. The actor must be allowed to grant every role it adds and to take away every one it
	 * removes; roles it leaves untouched may lie outside its reach.
	 */
	@Transactional
	public UserView replaceRoles(long userId, List<NewUser.RoleInput> roles, AllianceUser actor) {
		AllianceUser user = find(userId).orElseThrow(() -> new NotFound("user " + userId));
		List<RoleGrant> next = resolve(roles).stream().distinct().toList();
		List<RoleGrant> current = user.roles();
		List<RoleGrant> removed = current.stream().filter(g -> !next.contains(g)).toList();
		List<RoleGrant> added = next.stream().filter(g -> !current.contains(g)).toList();
		lockRepresentation(java.util.stream.Stream.concat(removed.stream(), added.stream()).toList());
		List<RoleGrant> actorRoles = rolesOf(actor.id());
		for (RoleGrant g : removed) {
			if (!mayGrant(actor, actorRoles, g, false)) {
				throw new Forbidden("you may not take away " + describe(g));
			}
		}
		for (RoleGrant g : added) {
			if (!mayGrant(actor, actorRoles, g, true)) {
				throw new Forbidden("you may not grant " + describe(g));
			}
		}
		if (removed.isEmpty() && added.isEmpty() && actor.id() != userId && current.stream()
			.noneMatch(g -> mayGrant(actor, actorRoles, g, false) || mayGrant(actor, actorRoles, g, true))) {
			throw new Forbidden("none of this user's roles is yours to change"); // no probing of users by id
		}
		for (RoleGrant g : removed) {
			jdbc.sql("delete from user_role where user_id = ? and role = ? and alliance_id is not distinct from ? and organization_id is not distinct from ?")
				.params(userId, g.role().name(), g.allianceId(), g.organizationId())
				.update();
		}
		for (RoleGrant g : added) {
			jdbc.sql("insert into user_role (user_id, role, alliance_id, organization_id) values (?, ?, ?, ?)")
				.params(userId, g.role().name(), g.allianceId(), g.organizationId())
				.update();
		}
		List<RoleGrant> changed = java.util.stream.Stream.concat(removed.stream(), added.stream()).toList();
		events.publishEvent(new UserRolesChanged(userId, user.getUsername(), describe(next), actor.getUsername(),
				describe(added), describe(removed), concerned(changed)));
		return viewFor(userId, actor);
	}

	List<RoleGrant> rolesOf(long userId) {
		return rolesOf(jdbc, userId);
	}

	static List<RoleGrant> rolesOf(JdbcClient jdbc, long userId) {
		return jdbc.sql("select role, alliance_id, organization_id from user_role where user_id = ? order by id")
			.param(userId)
			.query((rs, i) -> new RoleGrant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2),
					(Long) rs.getObject(3)))
			.list();
	}

	private List<RoleGrant> resolve(List<NewUser.RoleInput> inputs) {
		List<RoleGrant> grants = new ArrayList<>();
		List<Invalid.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			NewUser.RoleInput r = inputs.get(i);
			String field = "roles[" + i + "]";
			switch (r.role()) {
				case NETWORK_ADMIN -> grants.add(RoleGrant.networkAdmin());
				case SECRETARIAT -> {
					if (r.alliance() == null || alliances.find(r.alliance()).isEmpty()) {
						errors.add(new Invalid.FieldError(field + ".alliance", "unknown alliance"));
					}
					else {
						grants.add(RoleGrant.secretariat(alliances.get(r.alliance()).id()));
					}
				}
				case MEMBER_REP -> {
					if (r.organizationId() == null) {
						errors.add(new Invalid.FieldError(field + ".organizationId", "required for MEMBER_REP"));
					}
					else {
						try {
							organizations.get(r.organizationId());
							grants.add(RoleGrant.memberRep(r.organizationId()));
						}
						catch (NotFound e) {
							errors.add(new Invalid.FieldError(field + ".organizationId", "unknown organisation"));
						}
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return grants;
	}

	/**
	 * Whether the actor, with its roles as stored now ({@code actorRoles}), may grant ({@code adding}) or take
	 * away this role.
	 */
	private boolean mayGrant(AllianceUser actor, List<RoleGrant> actorRoles, RoleGrant g, boolean adding) {
		if (actorRoles.stream().anyMatch(r -> r.role() == Role.NETWORK_ADMIN)) {
			return true;
		}
		List<Long> managed = actorRoles.stream()
			.filter(r -> r.role() == Role.SECRETARIAT && r.allianceId() != null)
			.map(RoleGrant::allianceId)
			.toList();
		return switch (g.role()) {
			case NETWORK_ADMIN -> false;
			case SECRETARIAT -> managed.contains(g.allianceId());
			case MEMBER_REP -> {
				long org = java.util.Objects.requireNonNull(g.organizationId());
				if (actorRoles.contains(RoleGrant.memberRep(org))) {
					yield true; // the organisation itself names or hands over its representatives
				}
				var o = organizations.get(org);
				if (o.representsAllianceId() != null && managed.contains(o.representsAllianceId())) {
					yield true; // the organisation that stands for the secretariat's own alliance
				}
				Long registeredBy = o.registeredByAllianceId();
				yield adding && registeredBy != null && managed.contains(registeredBy) && !hasRepresentative(org)
						&& memberships.activeAlliancesOf(org).stream().allMatch(registeredBy::equals);
			}
		};
	}

	/** Whether anyone represents the organisation (holds MEMBER_REP for it). */
	public boolean hasRepresentative(long organizationId) {
		return jdbc.sql("select exists(select 1 from user_role where role = 'MEMBER_REP' and organization_id = ?)")
			.param(organizationId)
			.query(Boolean.class)
			.single();
	}

	/** One change of representatives of an organisation at a time, so that two cannot both be its "first". */
	private void lockRepresentation(List<RoleGrant> grants) {
		grants.stream()
			.filter(g -> g.role() == Role.MEMBER_REP)
			.map(RoleGrant::organizationId)
			.distinct()
			.sorted()
			.forEach(org -> jdbc.sql("select pg_advisory_xact_lock(?, ?)")
				.params(2_009, org.intValue())
				.query((rs, i) -> 0)
				.list());
	}

	/** Roles as the audit log names them: MEMBER_REP of organisation 12 (name), SECRETARIAT of alliance slug. */
	private String describe(List<RoleGrant> grants) {
		return grants.stream().map(this::describe).collect(Collectors.joining(", "));
	}

	private String describe(RoleGrant g) {
		return switch (g.role()) {
			case NETWORK_ADMIN -> "NETWORK_ADMIN";
			case SECRETARIAT -> "SECRETARIAT of alliance " + alliances.get(java.util.Objects.requireNonNull(g.allianceId())).slug();
			case MEMBER_REP -> {
				long org = java.util.Objects.requireNonNull(g.organizationId());
				yield "MEMBER_REP of organisation " + org + " (" + organizations.get(org).name() + ")";
			}
		};
	}

	/** The one alliance a change concerns (for its secretariat's view of the audit log), or null. */
	private java.lang.@org.jspecify.annotations.Nullable Long concerned(List<RoleGrant> grants) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (RoleGrant g : grants) {
			if (g.role() == Role.SECRETARIAT) {
				ids.add(g.allianceId());
			}
			else if (g.role() == Role.MEMBER_REP) {
				Long registeredBy = organizations.get(java.util.Objects.requireNonNull(g.organizationId()))
					.registeredByAllianceId();
				ids.add(registeredBy);
			}
			else {
				ids.add(null);
			}
		}
		return ids.size() == 1 ? ids.iterator().next() : null;
	}

	private UserView.RoleView roleView(RoleGrant g) {
		return new UserView.RoleView(g.role(), g.allianceId() == null ? null : alliances.get(g.allianceId()).slug(),
				g.organizationId());
	}
}
