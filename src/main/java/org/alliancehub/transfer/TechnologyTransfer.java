package org.alliancehub.transfer;

import org.alliancehub.shared.Strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.alliancehub.collaboration.ProjectSummary;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Regions;
import org.alliancehub.transfer.TransferTypes.Field;
import org.alliancehub.transfer.TransferTypes.IpStatus;
import org.alliancehub.transfer.TransferTypes.TransferMode;
import org.alliancehub.transfer.TransferTypes.Visibility;
import org.alliancehub.transfer.internal.MatchIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technology demands and research achievements: posting them in an organisation's name (its representative or
 * the network's administrator), reading and listing what the caller may read, and matching one kind against the
 * other with the site search's Chinese analysis plus field, region (province) and maturity, each match with its
 * reasons.
 */
@Service
public class TechnologyTransfer {

	private static final int CANDIDATES = 200;

	private final JdbcClient jdbc;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final MatchIndex index;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Projects projects;

	TechnologyTransfer(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations,
			Memberships memberships, MatchIndex index, MessageSource messages, ApplicationEventPublisher events,
			Projects projects) {
		this.projects = projects;
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.index = index;
		this.messages = messages;
		this.events = events;
	}

	/** A demand as posted: {@code budget} in 万元, {@code deadline} an ISO date. */
	public record NewDemand(@Nullable Long organizationId, @Nullable String title, @Nullable String description,
			@Nullable String field, @Nullable String region, @Nullable String visibility, @Nullable BigDecimal budget,
			@Nullable String deadline) {
	}

	/** An achievement as posted: {@code maturity} TRL 1–9, a granted patent with its number. */
	public record NewAchievement(@Nullable Long organizationId, @Nullable String title, @Nullable String description,
			@Nullable String field, @Nullable String region, @Nullable String visibility, @Nullable Integer maturity,
			@Nullable String ipStatus, @Nullable String patentNumber, @Nullable List<String> transferModes,
			@Nullable String terms, @Nullable Long projectId) {
	}

	private record Common(Organization org, long allianceId, String title, String description, Field field, String region,
			Visibility visibility) {
	}

	@Transactional
	public DemandView postDemand(NewDemand d) {
		return postDemand(d, List.of());
	}

	/** As {@link #postDemand(NewDemand)}, with the fields a form found wrong already: all named, nothing saved. */
	@Transactional
	public DemandView postDemand(NewDemand d, List<Invalid.FieldError> found) {
		List<Invalid.FieldError> errors = new ArrayList<>(found);
		Common c = common(d.organizationId(), d.title(), d.description(), d.field(), d.region(), d.visibility(), errors);
		if (d.budget() != null && (d.budget().signum() < 0 || d.budget().compareTo(new BigDecimal("1000000000")) > 0
				|| d.budget().scale() > 2)) {
			errors.add(new Invalid.FieldError("budget", "a sum in 万元, 0 or more, at most two decimals"));
		}
		LocalDate deadline = null;
		if (d.deadline() != null && !d.deadline().isBlank()) {
			try {
				deadline = LocalDate.parse(d.deadline().strip());
				if (deadline.getYear() < 2000 || deadline.getYear() > 2100) {
					errors.add(new Invalid.FieldError("deadline", "not a plausible date"));
				}
			}
			catch (DateTimeParseException e) {
				errors.add(new Invalid.FieldError("deadline", "an ISO date (2027-06-30)"));
			}
		}
		if (!errors.isEmpty() || c == null) {
			throw new Invalid(errors);
		}
		requireActsFor(c.org());
		long id = jdbc.sql("""
				insert into transfer_demand (alliance_id, organization_id, title, description, field, region, visibility,
				  budget, deadline, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.allianceId(), c.org().id(), c.title(), c.description(), c.field().name(), c.region(),
					c.visibility().name(), d.budget(), deadline, access.requireUser().id())
			.query(Long.class)
			.single();
		index.put("demand", id, c.title() + "\n" + c.description());
		events.publishEvent(new TransferEvents.Posted("demand.posted", c.allianceId(), "demand:" + id, c.title()));
		return demand(id);
	}

	@Transactional
	public AchievementView postAchievement(NewAchievement a) {
		return postAchievement(a, List.of());
	}

	/** As {@link #postAchievement(NewAchievement)}, with the fields a form found wrong already. */
	@Transactional
	public AchievementView postAchievement(NewAchievement a, List<Invalid.FieldError> found) {
		List<Invalid.FieldError> errors = new ArrayList<>(found);
		Common c = common(a.organizationId(), a.title(), a.description(), a.field(), a.region(), a.visibility(), errors);
		if (a.maturity() == null || a.maturity() < 1 || a.maturity() > 9) {
			errors.add(new Invalid.FieldError("maturity", "a technology readiness level 1–9"));
		}
		IpStatus ip = parse(IpStatus.class, a.ipStatus(), "ipStatus", true, errors);
		String patent = Strings.blankToNull(a.patentNumber());
		if (patent != null && patent.length() > 60) {
			errors.add(new Invalid.FieldError("patentNumber", "at most 60 characters"));
		}
		if (ip == IpStatus.GRANTED_PATENT && patent == null) {
			errors.add(new Invalid.FieldError("patentNumber", "a granted patent gives its number"));
		}
		Set<TransferMode> modes = new LinkedHashSet<>();
		if (a.transferModes() == null || a.transferModes().isEmpty()) {
			errors.add(new Invalid.FieldError("transferModes", "one or more of LICENCE, ASSIGNMENT, JOINT_DEVELOPMENT, EQUITY"));
		}
		else {
			for (String m : a.transferModes()) {
				TransferMode mode = parse(TransferMode.class, m, "transferModes", true, errors);
				if (mode != null) {
					modes.add(mode);
				}
			}
		}
		String terms = Strings.blankToNull(a.terms());
		if (terms != null && terms.length() > 5000) {
			errors.add(new Invalid.FieldError("terms", "at most 5000 characters"));
		}
		if (a.projectId() != null && project(a.projectId()) == null) {
			errors.add(new Invalid.FieldError("projectId", "no such project"));
		}
		if (!errors.isEmpty() || c == null || ip == null || a.maturity() == null) {
			throw new Invalid(errors);
		}
		requireActsFor(c.org());
		long id = jdbc.sql("""
				insert into transfer_achievement (alliance_id, organization_id, title, description, field, region, visibility,
				  maturity, ip_status, patent_number, transfer_modes, terms, project_id, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.allianceId(), c.org().id(), c.title(), c.description(), c.field().name(), c.region(),
					c.visibility().name(), a.maturity(), ip.name(), patent,
					String.join(",", modes.stream().map(Enum::name).toList()), terms, a.projectId(), access.requireUser().id())
			.query(Long.class)
			.single();
		index.put("achievement", id, c.title() + "\n" + c.description());
		events.publishEvent(new TransferEvents.Posted("achievement.posted", c.allianceId(), "achievement:" + id, c.title()));
		return achievement(id);
	}

	/** Marks an object written for the demo ({@code demand} or {@code achievement}). */
	@Transactional
	public void markDemo(String kind, long id) {
		jdbc.sql("update transfer_" + ("demand".equals(kind) ? "demand" : "achievement") + " set demo = true where id = ?")
			.param(id)
			.update();
	}

	public DemandView demand(long id) {
		return demands("where t.id = ?", List.of(id), 1, 0).stream().findFirst().orElseThrow(() -> new NotFound("demand " + id));
	}

	public AchievementView achievement(long id) {
		return achievements("where t.id = ?", List.of(id), 1, 0).stream().findFirst()
			.orElseThrow(() -> new NotFound("achievement " + id));
	}

	/** The demands of an alliance (every alliance's for the network, or a null slug) the caller may read. */
	public PageResult<DemandView> demands(@Nullable String slug, Paging paging) {
		List<Object> params = new ArrayList<>();
		String where = register(slug, params);
		long total = jdbc.sql("select count(*) from transfer_demand t " + where).params(params).query(Long.class).single();
		return new PageResult<>(demands(where, params, paging.size(), paging.offset()), paging.page(), paging.size(), total);
	}

	public PageResult<AchievementView> achievements(@Nullable String slug, Paging paging) {
		List<Object> params = new ArrayList<>();
		String where = register(slug, params);
		long total = jdbc.sql("select count(*) from transfer_achievement t " + where).params(params).query(Long.class)
			.single();
		return new PageResult<>(achievements(where, params, paging.size(), paging.offset()), paging.page(), paging.size(),
				total);
	}

	/** The demands that started the project, or the achievements it produced, that the caller may read. */
	public List<DemandView> demandsOfProject(long projectId) {
		List<Object> params = new ArrayList<>(List.of(projectId));
		StringBuilder where = new StringBuilder("where t.project_id = ? and ");
		readable(where, params);
		return demands(where.toString(), params, CANDIDATES, 0);
	}

	public List<AchievementView> achievementsOfProject(long projectId) {
		List<Object> params = new ArrayList<>(List.of(projectId));
		StringBuilder where = new StringBuilder("where t.project_id = ? and ");
		readable(where, params);
		return achievements(where.toString(), params, CANDIDATES, 0);
	}

	/** Achievements for a demand, best first, each with its reasons; only those the caller may read. */
	public List<MatchView> matchesForDemand(long demandId, int limit) {
		DemandView d = demand(demandId);
		String question = d.title() + "\n" + d.description();
		List<MatchIndex.Hit> hits = index.search("achievement", question, CANDIDATES);
		Map<Long, AchievementView> readable = new HashMap<>();
		if (!hits.isEmpty()) {
			List<Object> params = new ArrayList<>();
			StringBuilder where = new StringBuilder("where t.id = any(?) and ");
			params.add(hits.stream().map(MatchIndex.Hit::id).toArray(Long[]::new));
			readable(where, params);
			achievements(where.toString(), params, CANDIDATES, 0).forEach(a -> readable.put(a.id(), a));
		}
		List<Candidate> out = new ArrayList<>();
		for (MatchIndex.Hit h : hits) {
			AchievementView a = readable.get(h.id());
			if (a != null) {
				out.add(candidate(h, hits, a.id(), a.title(), a.organization(), a.title() + "\n" + a.description(), d.field(),
						d.region(), a.field(), a.region(), a.maturity()));
			}
		}
		return best(out, question, limit);
	}

	/** Demands for an achievement, best first, each with its reasons; only those the caller may read. */
	public List<MatchView> matchesForAchievement(long achievementId, int limit) {
		AchievementView a = achievement(achievementId);
		String question = a.title() + "\n" + a.description();
		List<MatchIndex.Hit> hits = index.search("demand", question, CANDIDATES);
		Map<Long, DemandView> readable = new HashMap<>();
		if (!hits.isEmpty()) {
			List<Object> params = new ArrayList<>();
			StringBuilder where = new StringBuilder("where t.id = any(?) and ");
			params.add(hits.stream().map(MatchIndex.Hit::id).toArray(Long[]::new));
			readable(where, params);
			demands(where.toString(), params, CANDIDATES, 0).forEach(x -> readable.put(x.id(), x));
		}
		List<Candidate> out = new ArrayList<>();
		for (MatchIndex.Hit h : hits) {
			DemandView d = readable.get(h.id());
			if (d != null) {
				out.add(candidate(h, hits, d.id(), d.title(), d.organization(), d.title() + "\n" + d.description(), a.field(),
						a.region(), d.field(), d.region(), 0));
			}
		}
		return best(out, question, limit);
	}

	/** A readable candidate, scored, before its shared terms (which need the text segmented) are named. */
	private record Candidate(long id, String title, String organization, String text, double score, List<String> why) {
	}

	/**
	 * Scores a candidate: the text's relevance (BM25, relative to the best hit) first; the same field, the same
	 * province and the maturity (of an achievement, {@code maturity} 1–9; 0 for a demand) then order candidates
	 * of similar relevance without outweighing a clearly better text.
	 */
	private Candidate candidate(MatchIndex.Hit h, List<MatchIndex.Hit> hits, long id, String title, String organization,
			String text, Field field, String region, Field otherField, String otherRegion, int maturity) {
		List<String> why = new ArrayList<>();
		double score = 0.6 * h.score() / hits.get(0).score();
		score += same(field, region, otherField, otherRegion, why);
		if (maturity > 0) {
			score += 0.03 * maturity / 9.0;
			why.add(text("transfer.why.maturity", maturity));
		}
		return new Candidate(id, title, organization, text, score, why);
	}

	/** The best {@code limit} candidates, and only for those the terms they share with the question. */
	private List<MatchView> best(List<Candidate> all, String question, int limit) {
		List<Candidate> best = all.stream()
			.sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id))
			.limit(limit)
			.toList();
		if (best.isEmpty()) {
			return List.of();
		}
		Set<String> words = MatchIndex.contentWords(question);
		return best.stream().map(c -> {
			List<String> why = new ArrayList<>();
			Set<String> common = new LinkedHashSet<>(words);
			common.retainAll(MatchIndex.contentWords(c.text()));
			if (!common.isEmpty()) {
				why.add(text("transfer.why.terms", String.join("、", common.stream().limit(8).toList())));
			}
			why.addAll(c.why());
			return new MatchView(c.id(), c.title(), c.organization(), round(c.score()), why);
		}).toList();
	}

	private double same(Field field, String region, Field otherField, String otherRegion, List<String> why) {
		double score = 0;
		if (field == otherField) {
			why.add(text("transfer.why.field", text("enum.Field." + field.name())));
			score += 0.2;
		}
		var province = Regions.china().provinceOf(region);
		var otherProvince = Regions.china().provinceOf(otherRegion);
		if (province.isPresent() && otherProvince.isPresent() && province.get().code().equals(otherProvince.get().code())) {
			why.add(text("transfer.why.region", province.get().name()));
			score += 0.05;
		}
		return score;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static double round(double score) {
		return Math.round(score * 1000) / 1000.0;
	}

	private @Nullable Common common(@Nullable Long organizationId, @Nullable String title, @Nullable String description,
			@Nullable String field, @Nullable String region, @Nullable String visibility, List<Invalid.FieldError> errors) {
		Organization org = null;
		if (organizationId == null) {
			errors.add(new Invalid.FieldError("organizationId", "required"));
		}
		else {
			try {
				org = organizations.get(organizationId);
			}
			catch (NotFound e) {
				errors.add(new Invalid.FieldError("organizationId", "no such organisation"));
			}
		}
		String t = Strings.blankToNull(title);
		if (t == null || t.length() > 300) {
			errors.add(new Invalid.FieldError("title", "required, at most 300 characters"));
		}
		String d = Strings.blankToNull(description);
		if (d == null || d.length() > 20_000) {
			errors.add(new Invalid.FieldError("description", "required, at most 20000 characters"));
		}
		Field f = parse(Field.class, field, "field", true, errors);
		String r = Strings.blankToNull(region);
		if (r == null || Regions.china().find(r).isEmpty()) {
			errors.add(new Invalid.FieldError("region", "a GB/T 2260 code (330100)"));
		}
		Visibility v = parse(Visibility.class, visibility, "visibility", false, errors);
		if (org == null || t == null || d == null || f == null || r == null || !errors.isEmpty()) {
			return null;
		}
		return new Common(org, owningAlliance(org), t, d, f, r, v == null ? Visibility.PUBLIC : v);
	}

	/** The alliance an organisation posts in: the one it stands for, else its first alliance, else the network. */
	private long owningAlliance(Organization org) {
		if (org.representsAllianceId() != null) {
			return org.representsAllianceId();
		}
		List<Long> of = memberships.activeAlliancesOf(org.id());
		if (!of.isEmpty()) {
			return of.stream().min(Long::compare).orElseThrow();
		}
		return alliances.network().map(Alliance::id).orElseThrow(() -> Invalid.field("organizationId", "of no alliance"));
	}

	private void requireActsFor(Organization org) {
		if (!access.canActFor(org.id())) {
			throw new Forbidden("only the organisation's representative or the network's administrator posts in its name");
		}
	}

	static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field, boolean required,
			List<Invalid.FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new Invalid.FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new Invalid.FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}


	/** The read rule for lists, as SQL on a table aliased {@code t}: as {@code access.reads(owner)} for one object. */
	void readable(StringBuilder where, List<Object> params) {
		if (access.isNetworkAdmin()) {
			where.append("true");
			return;
		}
		Set<Long> scope = access.membersOnlyScope();
		where.append("(t.visibility = 'PUBLIC' or t.alliance_id = any(?) or t.alliance_id = any(?) or t.organization_id = any(?))");
		params.add(access.managedAlliances().stream().map(Alliance::id).toArray(Long[]::new));
		params.add(scope == null ? new Long[0] : scope.toArray(Long[]::new));
		params.add(access.organizationsActedFor().toArray(Long[]::new));
	}

	private String register(@Nullable String slug, List<Object> params) {
		StringBuilder where = new StringBuilder("where ");
		readable(where, params);
		if (slug != null) {
			Alliance a = alliances.get(slug);
			if (!a.isNetwork()) {
				where.append(" and t.alliance_id = ?");
				params.add(a.id());
			}
		}
		return where.toString();
	}

	private List<DemandView> demands(String where, List<Object> params, int limit, long offset) {
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		record Row(long id, long allianceId, long org, String title, String description, Field field, String region,
				Visibility visibility, @Nullable BigDecimal budget, @Nullable LocalDate deadline, boolean demo,
				@Nullable Long projectId) {
		}
		List<Row> rows = jdbc.sql("""
				select t.id, t.alliance_id, t.organization_id, t.title, t.description, t.field, t.region, t.visibility,
				  t.budget, t.deadline, t.demo, t.project_id from transfer_demand t """ + " " + where
				+ " order by t.id desc limit ? offset ?")
			.params(all)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					Field.valueOf(rs.getString(6)), rs.getString(7), Visibility.valueOf(rs.getString(8)),
					rs.getBigDecimal(9), rs.getObject(10, LocalDate.class), rs.getBoolean(11), rs.getObject(12, Long.class)))
			.list();
		Map<Long, String> names = organizations.names(rows.stream().map(Row::org).distinct().toList());
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Row::allianceId).distinct().toList());
		return rows.stream()
			.map(r -> new DemandView(r.id(), slugs.getOrDefault(r.allianceId(), ""), r.org(), names.getOrDefault(r.org(), ""),
					r.title(), r.description(), r.field(), r.region(), regionName(r.region()), r.visibility(), r.budget(),
					r.deadline(), r.projectId(), r.projectId() == null ? null : project(r.projectId()), r.demo()))
			.toList();
	}

	private List<AchievementView> achievements(String where, List<Object> params, int limit, long offset) {
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		record Row(long id, long allianceId, long org, String title, String description, Field field, String region,
				Visibility visibility, int maturity, IpStatus ip, @Nullable String patent, String modes,
				@Nullable String terms, @Nullable Long projectId, boolean demo) {
		}
		List<Row> rows = jdbc.sql("""
				select t.id, t.alliance_id, t.organization_id, t.title, t.description, t.field, t.region, t.visibility,
				  t.maturity, t.ip_status, t.patent_number, t.transfer_modes, t.terms, t.project_id, t.demo
				from transfer_achievement t """ + " " + where + " order by t.id desc limit ? offset ?")
			.params(all)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					Field.valueOf(rs.getString(6)), rs.getString(7), Visibility.valueOf(rs.getString(8)), rs.getInt(9),
					IpStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
					rs.getObject(14, Long.class), rs.getBoolean(15)))
			.list();
		Map<Long, String> names = organizations.names(rows.stream().map(Row::org).distinct().toList());
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Row::allianceId).distinct().toList());
		return rows.stream()
			.map(r -> new AchievementView(r.id(), slugs.getOrDefault(r.allianceId(), ""), r.org(),
					names.getOrDefault(r.org(), ""), r.title(), r.description(), r.field(), r.region(), regionName(r.region()),
					r.visibility(), r.maturity(), r.ip(), r.patent(),
					Arrays.stream(r.modes().split(",")).filter(s -> !s.isBlank()).map(TransferMode::valueOf).toList(),
					r.terms(), r.projectId(), r.projectId() == null ? null : project(r.projectId()), r.demo()))
			.toList();
	}

	/** The project a demand or achievement links to, when it exists and the caller may read it (null otherwise). */
	private @Nullable ProjectLink project(long id) {
		try {
			access.canRead("project", id);
			ProjectSummary p = projects.summary(id);
			return new ProjectLink(p.id(), p.alliance(), p.title());
		}
		catch (NotFound e) {
			return null;
		}
	}

	private static String regionName(String code) {
		return Regions.china().find(code).map(Regions.Region::name).orElse(code);
	}
}
