package org.alliancehub.survey;

import org.alliancehub.survey.internal.SurveyPatch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.internal.Json;
import org.alliancehub.survey.internal.SurveyDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys of an alliance's members (产业基础资料调查): the secretariat builds one (or copies last period's),
 * publishes it to every active member or to those of some roles, organisation types or provinces, which
 * fixes who is asked, and closes it. The secretariat sees everything of its own alliance's surveys; a
 * member's representative sees the published surveys that ask its organisation; anyone else sees nothing.
 */
@Service
public class Surveys {

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Memberships memberships;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final Organizations organizations;

	Surveys(JdbcClient jdbc, Alliances alliances, Memberships memberships, Access access,
			ApplicationEventPublisher events, Organizations organizations) {
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.memberships = memberships;
		this.access = access;
		this.events = events;
	}

	// ---- building

	@Transactional
	public SurveyView create(String slug, NewSurvey s) {
		Alliance alliance = alliances.find(slug).orElseThrow(() -> new NotFound("alliance " + slug));
		List<FieldError> errors = new ArrayList<>();
		List<NewSurvey.Field> fields = s.fields();
		List<NewSurvey.Rule> rules = s.rules();
		Audience audience = s.audience() == null ? Audience.everyone() : s.audience();
		String sizeField = s.sizeField();
		boolean copyFailed = false;
		if (s.copiedFrom() != null) {
			SurveyView previous = findRaw(s.copiedFrom());
			if (previous == null || previous.allianceId() != alliance.id()) {
				errors.add(new FieldError("copiedFrom", "no survey of this alliance with this id"));
				copyFailed = true;
			}
			else if (fields == null || fields.isEmpty()) {
				fields = previous.fields().stream().map(SurveyDefinition::asNew).toList();
				if (rules == null) {
					rules = previous.rules().stream().map(SurveyDefinition::asNew).toList();
				}
				if (s.audience() == null) {
					audience = previous.audience();
				}
				if (sizeField == null) {
					sizeField = previous.sizeField();
				}
			}
		}
		SurveyDefinition c = SurveyDefinition.check(new NewSurvey(s.title(), s.period(), s.description(), fields, rules, s.deadline(), audience,
				s.copiedFrom(), sizeField), errors, copyFailed);
		long id = jdbc.sql("""
				insert into survey (alliance_id, title, period, description, deadline, audience, copied_from, size_field)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id""")
			.params(alliance.id(), c.title(), c.period(), c.description(), c.deadline(), Json.write(c.audience()),
					s.copiedFrom(), c.sizeField())
			.query(Long.class)
			.single();
		insertLines(id, c);
		return get(id);
	}

	/**
	 * Changes a draft survey: the parts given replace the survey's (its fields and rules as whole lists), and the
	 * result is checked exactly as a new survey is, every mistake named at once and nothing changed on failure.
	 * A published or closed survey is not changed (409), nor one whose {@code version} is not the one given (409).
	 */
	@Transactional
	public SurveyView update(long id, SurveyPatch p) {
		SurveyView current = draftToChange(id, p.version());
		List<FieldError> errors = new ArrayList<>();
		SurveyDefinition c = SurveyDefinition.check(new NewSurvey(p.title() != null ? p.title() : current.title(),
				p.period() != null ? p.period() : current.period(),
				p.description() != null ? p.description() : current.description(),
				p.fields() != null ? p.fields() : current.fields().stream().map(SurveyDefinition::asNew).toList(),
				p.rules() != null ? p.rules() : current.rules().stream().map(SurveyDefinition::asNew).toList(),
				p.deadline() != null ? p.deadline() : current.deadline(),
				p.audience() != null ? p.audience() : current.audience(), current.copiedFrom(),
				p.sizeField() != null ? p.sizeField() : current.sizeField()), errors, false);
		int updated = jdbc.sql("""
				update survey set title = ?, period = ?, description = ?, deadline = ?, audience = cast(? as jsonb),
				  size_field = ?, updated_at = now(), version = version + 1
				where id = ? and status = 'DRAFT' and version = ?""")
			.params(c.title(), c.period(), c.description(), c.deadline(), Json.write(c.audience()), c.sizeField(), id,
					current.version())
			.update();
		if (updated == 0) {
			throw Conflict.staleVersion("survey " + id);
		}
		jdbc.sql("delete from survey_field where survey_id = ?").param(id).update();
		jdbc.sql("delete from survey_rule where survey_id = ?").param(id).update();
		insertLines(id, c);
		SurveyView s = get(id);
		events.publishEvent(new SurveyEdited(id, s.allianceId(), s.title(), s.version()));
		return s;
	}

	/** Deletes a draft survey; a published or closed one stays (409), as does one a later survey was copied from. */
	@Transactional
	public void delete(long id, @Nullable Long version) {
		SurveyView current = draftToChange(id, version);
		if (jdbc.sql("select count(*) from survey where copied_from = ?").param(id).query(Long.class).single() > 0) {
			throw new Conflict("another survey was copied from this one; it is kept for the comparison across periods");
		}
		int deleted = jdbc.sql("delete from survey where id = ? and status = 'DRAFT' and version = ?")
			.params(id, current.version())
			.update();
		if (deleted == 0) {
			throw Conflict.staleVersion("survey " + id);
		}
		events.publishEvent(new SurveyDeleted(id, current.allianceId(), current.title()));
	}

	/** The survey if the caller manages it (404 for others), it is a draft and {@code version} is not stale (409). */
	private SurveyView draftToChange(long id, @Nullable Long version) {
		SurveyView current = findRaw(id);
		if (current == null || !access.canManage(current.allianceId())) {
			throw new NotFound("survey " + id);
		}
		if (current.status() != SurveyStatus.DRAFT) {
			throw new Conflict("the survey is " + current.status().name().toLowerCase(Locale.ROOT)
					+ "; only a draft can be changed or deleted (copy it for another period instead)");
		}
		if (version != null && version != current.version()) {
			throw Conflict.staleVersion("survey " + id);
		}
		return current;
	}

	private void insertLines(long id, SurveyDefinition c) {
		for (SurveyField f : c.fields()) {
			jdbc.sql("""
					insert into survey_field (survey_id, position, key, label, section, type, unit, required, min, max, options)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
				.params(id, f.position(), f.key(), f.label(), f.section(), f.type().name(), f.unit(), f.required(), f.min(),
						f.max(), f.options().isEmpty() ? null : Json.write(f.options()))
				.update();
		}
		for (SurveyRule r : c.rules()) {
			jdbc.sql("insert into survey_rule (survey_id, position, expression, message) values (?, ?, ?, ?)")
				.params(id, r.position(), r.expression(), r.message())
				.update();
		}
	}

	/** A new survey for another period with the fields, rules and audience of this one. */
	@Transactional
	public SurveyView copy(long id, String title, String period, OffsetDateTime deadline) {
		SurveyView previous = get(id);
		return create(previous.alliance(), new NewSurvey(title, period, previous.description(), null, null, deadline,
				null, id, null));
	}

	// ---- life

	/** Asks the audience: who is asked is fixed now, with each organisation's province and type as they are. */
	@Transactional
	public SurveyView publish(long id) {
		SurveyView s = get(id);
		if (s.status() != SurveyStatus.DRAFT) {
			throw new Conflict("the survey is already " + s.status().name().toLowerCase(Locale.ROOT));
		}
		if (!s.deadline().isAfter(OffsetDateTime.now())) {
			throw Invalid.field("deadline", "has passed; set a later deadline before publishing");
		}
		List<Member> asked = audienceOf(s.allianceId(), s.audience());
		if (asked.isEmpty()) {
			throw Invalid.field("audience", "no active member of the alliance matches");
		}
		int updated = jdbc.sql("update survey set status = 'PUBLISHED', published_at = now(), updated_at = now(), version = version + 1 where id = ? and status = 'DRAFT'")
			.param(id)
			.update();
		if (updated == 0) {
			throw new Conflict("the survey was published by someone else");
		}
		for (Member m : asked) {
			jdbc.sql("insert into survey_recipient (survey_id, organization_id, region_code, organization_type) values (?, ?, ?, ?)")
				.params(id, m.organizationId(), provinceCode(m.region()), m.organizationType().name())
				.update();
		}
		events.publishEvent(new SurveyPublished(id, s.allianceId(), s.title(), s.period(), asked.size()));
		return get(id);
	}

	/** The active members of the alliance the audience names. */
	List<Member> audienceOf(long allianceId, Audience a) {
		List<Member> asked = new ArrayList<>();
		for (Member m : memberships.members(allianceId, null, MembershipStatus.ACTIVE)) {
			if (!a.rolesOrEmpty().isEmpty() && !a.rolesOrEmpty().contains(m.role().name())) {
				continue;
			}
			if (!a.typesOrEmpty().isEmpty() && !a.typesOrEmpty().contains(m.organizationType().name())) {
				continue;
			}
			if (!a.regionsOrEmpty().isEmpty() && !a.regionsOrEmpty().contains(provinceCode(m.region()))) {
				continue;
			}
			asked.add(m);
		}
		return asked;
	}

	/** An organisation's province code from the region it gives (河北省, 河北, 河北省石家庄市); null when unknown. */
	static @Nullable String provinceCode(@Nullable String region) {
		if (region == null || region.isBlank()) {
			return null;
		}
		return Regions.china().provinceNamed(region.strip()).map(Regions.Region::code).orElse(null);
	}

	@Transactional
	public SurveyView close(long id) {
		SurveyView s = get(id);
		if (s.status() != SurveyStatus.PUBLISHED) {
			throw new Conflict("only a published survey can be closed");
		}
		jdbc.sql("update survey set status = 'CLOSED', updated_at = now(), version = version + 1 where id = ?").param(id).update();
		events.publishEvent(new SurveyClosed(id, s.allianceId(), s.title()));
		return get(id);
	}

	// ---- reading

	/** A survey the current user may see: its alliance's secretariat, or a representative of an organisation it asks. */
	public SurveyView get(long id) {
		SurveyView s = findRaw(id);
		if (s == null || !canSee(s)) {
			throw new NotFound("survey " + id);
		}
		return s;
	}

	boolean canSee(SurveyView s) {
		if (access.canManage(s.allianceId())) {
			return true;
		}
		if (s.status() == SurveyStatus.DRAFT) {
			return false;
		}
		Set<Long> mine = access.organizationsActedFor();
		return !mine.isEmpty() && !jdbc.sql("select organization_id from survey_recipient where survey_id = ? and organization_id = any(?)")
			.params(s.id(), mine.toArray(Long[]::new))
			.query(Long.class)
			.list()
			.isEmpty();
	}

	public boolean canManage(SurveyView s) {
		return access.canManage(s.allianceId());
	}

	/**
	 * The surveys of an alliance, newest first: all of them for its secretariat, for a member's representative
	 * the published ones that ask its organisation; 404 for anyone else.
	 */
	public PageResult<SurveySummary> list(String slug, Paging paging) {
		Alliance alliance = alliances.find(slug).orElseThrow(() -> new NotFound("alliance " + slug));
		boolean manager = access.canManage(alliance.id());
		if (!manager && !access.canReadMembersOnly(alliance.id())) {
			throw new NotFound("alliance " + slug);
		}
		Long[] mine = access.organizationsActedFor().toArray(Long[]::new);
		String where = manager ? "s.alliance_id = ?" : """
				s.alliance_id = ? and s.status <> 'DRAFT' and exists (select 1 from survey_recipient r
				where r.survey_id = s.id and r.organization_id = any(?))""";
		List<Object> params = new ArrayList<>(List.of(alliance.id()));
		if (!manager) {
			params.add(mine);
		}
		long total = jdbc.sql("select count(*) from survey s where " + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<SurveySummary> items = jdbc.sql("""
				select s.id, s.title, s.period, s.status, s.deadline,
				  (select count(*) from survey_recipient r where r.survey_id = s.id),
				  (select count(*) from survey_response p where p.survey_id = s.id and p.status = 'SUBMITTED'),
				  (select count(*) from survey_response p where p.survey_id = s.id and p.status <> 'SUBMITTED')
				from survey s""" + " where " + where + " order by s.created_at desc, s.id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, i) -> new SurveySummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					SurveyStatus.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
					ResponseRate.of(rs.getInt(6), rs.getInt(7), rs.getInt(8))))
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/** The published and closed surveys that ask the organisations the current user acts for, newest first. */
	public List<SurveyTask> tasks() {
		Set<Long> mine = access.organizationsActedFor();
		if (mine.isEmpty()) {
			return List.of();
		}
		record Row(long allianceId, SurveyTask task) {
		}
		List<Row> rows = jdbc.sql("""
				select s.id, s.alliance_id, s.title, s.period, s.status, s.deadline, r.organization_id, p.status
				from survey_recipient r join survey s on s.id = r.survey_id
				left join survey_response p on p.survey_id = r.survey_id and p.organization_id = r.organization_id
				where r.organization_id = any(?) and s.status <> 'DRAFT'
				order by s.deadline desc, s.id desc, r.organization_id limit 200""")
			.param(mine.toArray(Long[]::new))
			.query((rs, i) -> new Row(rs.getLong(2), new SurveyTask(rs.getLong(1), "", rs.getString(3), rs.getString(4),
					SurveyStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class), rs.getLong(7), "",
					rs.getString(8) == null ? null : ResponseStatus.valueOf(rs.getString(8)))))
			.list();
		// names from their owners, one call each for the whole list
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Row::allianceId).toList());
		Map<Long, String> names = organizations.names(rows.stream().map(r -> r.task().organizationId()).toList());
		return rows.stream()
			.map(r -> {
				SurveyTask t = r.task();
				return new SurveyTask(t.surveyId(), slugs.getOrDefault(r.allianceId(), ""), t.title(), t.period(),
						t.surveyStatus(), t.deadline(), t.organizationId(), names.getOrDefault(t.organizationId(), ""),
						t.status());
			})
			.sorted(Comparator.comparing(SurveyTask::deadline, Comparator.reverseOrder())
				.thenComparing(SurveyTask::surveyId, Comparator.reverseOrder())
				.thenComparing(SurveyTask::organizationName))
			.toList();
	}

	/** Who is asked, with where each answer stands: for the secretariat. */
	public List<Recipient> recipients(long id) {
		SurveyView s = get(id);
		return named(jdbc.sql(RECIPIENTS + " where r.survey_id = ?")
			.param(id)
			.query((rs, i) -> recipient(rs))
			.list()).stream()
			// no answer first, then by where the answer stands (as its name sorts), then by organisation
			.sorted(Comparator.comparing((Recipient r) -> r.status() == null ? "" : r.status().name())
				.thenComparing(Recipient::organizationName, org.alliancehub.shared.ChineseOrder.NAMES))
			.toList();
	}

	/** The recipients with their organisation's name, asked of {@code membership} once for the whole list. */
	List<Recipient> named(List<Recipient> recipients) {
		Map<Long, String> names = organizations.names(recipients.stream().map(Recipient::organizationId).toList());
		return recipients.stream()
			.map(r -> new Recipient(r.organizationId(), names.getOrDefault(r.organizationId(), ""), r.regionCode(),
					r.organizationType(), r.status(), r.submittedAt(), r.reminders(), r.lastRemindedAt()))
			.toList();
	}

	/** Recipients with their answer, for {@link #recipient(ResultSet)}; {@link #named} adds the names. */
	static final String RECIPIENTS = """
			select r.organization_id, r.region_code, r.organization_type, p.status, p.submitted_at,
			  r.reminders, r.last_reminded_at
			from survey_recipient r
			left join survey_response p on p.survey_id = r.survey_id and p.organization_id = r.organization_id""";

	static Recipient recipient(ResultSet rs) throws SQLException {
		return new Recipient(rs.getLong(1), "", rs.getString(2), rs.getString(3),
				rs.getString(4) == null ? null : ResponseStatus.valueOf(rs.getString(4)),
				rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getObject(7, OffsetDateTime.class));
	}

	/** The survey whatever the viewer, or null: for this module's own checks. */
	public @Nullable SurveyView findRaw(long id) {
		record Row(long allianceId, String title, String period, @Nullable String description, SurveyStatus status,
				OffsetDateTime deadline, String audience, @Nullable Long copiedFrom, @Nullable String sizeField,
				@Nullable OffsetDateTime publishedAt, long version) {
		}
		Row r = jdbc.sql("""
				select alliance_id, title, period, description, status, deadline, audience::text, copied_from, size_field,
				  published_at, version from survey where id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					SurveyStatus.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
					(Long) rs.getObject(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getLong(11)))
			.optional()
			.orElse(null);
		if (r == null) {
			return null;
		}
		List<SurveyField> fields = jdbc.sql("""
				select position, key, label, section, type, unit, required, min, max, options::text
				from survey_field where survey_id = ? order by position""")
			.param(id)
			.query((rs, i) -> field(rs))
			.list();
		List<SurveyRule> rules = jdbc.sql("select position, expression, message from survey_rule where survey_id = ? order by position")
			.param(id)
			.query((rs, i) -> new SurveyRule(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
		ResponseRate rate = jdbc.sql("""
				select (select count(*) from survey_recipient where survey_id = ?),
				  (select count(*) from survey_response where survey_id = ? and status = 'SUBMITTED'),
				  (select count(*) from survey_response where survey_id = ? and status <> 'SUBMITTED')""")
			.params(id, id, id)
			.query((rs, i) -> ResponseRate.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
		return new SurveyView(id, r.allianceId(), alliances.get(r.allianceId()).slug(), r.title(), r.period(),
				r.description(), r.status(), r.deadline(), Json.read(r.audience(), Audience.class), r.copiedFrom(),
				r.sizeField(), fields, rules, r.publishedAt(), rate, r.version());
	}

	private static SurveyField field(ResultSet rs) throws SQLException {
		String options = rs.getString(10);
		BigDecimal min = rs.getBigDecimal(8);
		BigDecimal max = rs.getBigDecimal(9);
		return new SurveyField(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
				FieldType.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7), min, max,
				options == null ? List.of() : Json.readList(options));
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
