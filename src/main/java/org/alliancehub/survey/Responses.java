package org.alliancehub.survey;

import org.alliancehub.survey.internal.SurveyFiles;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.membership.Organizations;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.NotFound;
import org.alliancehub.survey.internal.Answers;
import org.alliancehub.survey.internal.Json;
import org.alliancehub.survey.internal.Workbooks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answers of the organisations a survey asks. A member's representative fills in its organisation's
 * answer, saves drafts and submits it (the secretariat may do the same on a member's behalf); once submitted
 * it is locked until the secretariat reopens it with a reason. Every save is kept as a revision. Answers can
 * also come as a spreadsheet: a template with a row per organisation the caller answers for, and an upload
 * that is checked row by row and saved only when every row is right.
 */
@Service
public class Responses {

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Access access;

	private final ApplicationEventPublisher events;

	/** The most rows an uploaded spreadsheet may hold ({@code alliancehub.survey.upload-max-rows}). */
	private final int uploadMaxRows;

	private final SurveyFiles files;

	private final Organizations organizations;

	Responses(JdbcClient jdbc, Surveys surveys, Access access, ApplicationEventPublisher events, SurveyFiles files,
			Organizations organizations,
			@org.springframework.beans.factory.annotation.Value("${alliancehub.survey.upload-max-rows:10000}") int uploadMaxRows) {
		this.organizations = organizations;
		this.uploadMaxRows = uploadMaxRows;
		this.files = files;
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.access = access;
		this.events = events;
	}

	/** The answer as saved, and whether this save created it. */
	public record Saved(ResponseView response, boolean created) {
	}

	/** How many answers a spreadsheet upload saved, for which organisations. */
	public record Imported(int saved, List<Long> organizations, boolean submitted) {
	}

	/**
	 * Saves the answer of an organisation, as a draft or submitted. Refused with every invalid field named,
	 * with 409 when the survey takes no answers (not published, closed, past its deadline unless the answer
	 * was reopened) or the answer is already submitted, or the {@code version} given is stale.
	 */
	@Transactional
	public Saved save(long surveyId, long organizationId, Map<String, ?> values, boolean submit,
			@Nullable Long version) {
		SurveyView s = surveys.get(surveyId);
		requireActFor(s, organizationId);
		Current current = current(surveyId, organizationId);
		requireOpen(s, current);
		if (current != null && version != null && current.version() != version) {
			throw Conflict.staleVersion("the answer");
		}
		Answers.Checked checked = Answers.check(s.fields(), s.rules(), values, submit, "",
				file -> fileExists(surveyId, organizationId, file));
		if (!checked.errors().isEmpty()) {
			throw new Invalid(checked.errors());
		}
		store(s, organizationId, current, checked, submit);
		return new Saved(get(surveyId, organizationId), current == null);
	}

	private record Current(long id, ResponseStatus status, int revision, long version) {
	}

	private @Nullable Current current(long surveyId, long organizationId) {
		return jdbc.sql("select id, status, revision, version from survey_response where survey_id = ? and organization_id = ? for update")
			.params(surveyId, organizationId)
			.query((rs, i) -> new Current(rs.getLong(1), ResponseStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4)))
			.optional()
			.orElse(null);
	}

	private void requireActFor(SurveyView s, long organizationId) {
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(organizationId)) {
			throw new Forbidden("only the organisation's representative or the secretariat answers for it");
		}
		if (!isRecipient(s.id(), organizationId)) {
			throw new Forbidden("the survey does not ask this organisation");
		}
	}

	/**
	 * An organisation the survey asks and the current user answers for (its representative, or the survey's
	 * secretariat), with where its answer stands; 404 otherwise.
	 */
	public Recipient answerer(SurveyView s, long organizationId) {
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(organizationId)) {
			throw new NotFound("organization " + organizationId);
		}
		return surveys.named(jdbc.sql(Surveys.RECIPIENTS + " where r.survey_id = ? and r.organization_id = ?")
			.params(s.id(), organizationId)
			.query((rs, i) -> Surveys.recipient(rs))
			.optional()
			.map(List::of)
			.orElseThrow(() -> new NotFound("organization " + organizationId))).get(0);
	}

	private boolean isRecipient(long surveyId, long organizationId) {
		return jdbc.sql("select count(*) from survey_recipient where survey_id = ? and organization_id = ?")
			.params(surveyId, organizationId)
			.query(Integer.class)
			.single() > 0;
	}

	private static void requireOpen(SurveyView s, @Nullable Current current) {
		if (s.status() == SurveyStatus.DRAFT) {
			throw new Conflict("the survey is not published yet");
		}
		if (s.status() == SurveyStatus.CLOSED) {
			throw new Conflict("the survey is closed");
		}
		boolean reopened = current != null && current.status() == ResponseStatus.REOPENED;
		if (!reopened && !OffsetDateTime.now().isBefore(s.deadline())) {
			throw new Conflict("the deadline has passed");
		}
		if (current != null && current.status() == ResponseStatus.SUBMITTED) {
			throw new Conflict("the answer is submitted; the secretariat can reopen it");
		}
	}

	private long store(SurveyView s, long organizationId, @Nullable Current current, Answers.Checked checked,
			boolean submit) {
		String answers = Json.write(checked.values());
		ResponseStatus status = submit ? ResponseStatus.SUBMITTED
				: current != null && current.status() == ResponseStatus.REOPENED ? ResponseStatus.REOPENED
						: ResponseStatus.DRAFT;
		java.util.Set<Long> filesBefore = current == null ? java.util.Set.of()
				: fileIds(s, Json.readMap(jdbc.sql("select answers::text from survey_response where id = ?")
					.param(current.id())
					.query(String.class)
					.single()));
		long id;
		int revision;
		if (current == null) {
			revision = 1;
			try {
				id = jdbc.sql("""
						insert into survey_response (survey_id, organization_id, status, revision, answers, numbers, submitted_at)
						values (?, ?, ?, 1, cast(? as jsonb), ?, case when ? then now() end) returning id""")
					.params(s.id(), organizationId, status.name(), answers, checked.numbers(), submit)
					.query(Long.class)
					.single();
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				throw Conflict.staleVersion("the answer");
			}
		}
		else {
			id = current.id();
			revision = current.revision() + 1;
			jdbc.sql("""
					update survey_response set status = ?, revision = ?, answers = cast(? as jsonb), numbers = ?,
					  submitted_at = case when ? then now() else submitted_at end, version = version + 1, updated_at = now()
					where id = ?""")
				.params(status.name(), revision, answers, checked.numbers(), submit, id)
				.update();
		}
		jdbc.sql("insert into survey_response_revision (response_id, revision, status, answers, saved_by) values (?, ?, ?, cast(? as jsonb), ?)")
			.params(id, revision, status.name(), answers, username())
			.update();
		files.dropReplaced(s.id(), organizationId, filesBefore, fileIds(s, checked.values()));
		if (submit) {
			events.publishEvent(new ResponseSubmitted(s.id(), s.allianceId(), organizationId, id, revision));
		}
		return id;
	}

	private @Nullable String username() {
		return access.currentUser().map(AllianceUser::getUsername).orElse(null);
	}

	/** An organisation's answer: for its representative and the secretariat; 404 for anyone else or when there is none. */
	public ResponseView get(long surveyId, long organizationId) {
		SurveyView s = surveys.get(surveyId);
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(organizationId)) {
			throw new NotFound("answer");
		}
		String name = organizations.names(List.of(organizationId)).getOrDefault(organizationId, "");
		return jdbc.sql("""
				select p.id, p.status, p.revision, p.answers::text, p.submitted_at, p.updated_at, p.version
				from survey_response p where p.survey_id = ? and p.organization_id = ?""")
			.params(surveyId, organizationId)
			.query((rs, i) -> new ResponseView(rs.getLong(1), surveyId, organizationId, name,
					ResponseStatus.valueOf(rs.getString(2)), rs.getInt(3), Json.readMap(rs.getString(4)),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getLong(7)))
			.optional()
			.orElseThrow(() -> new NotFound("answer"));
	}

	/** Every version of an answer, newest first: for the secretariat, and for the organisation's representative. */
	public List<ResponseRevision> revisions(long surveyId, long organizationId) {
		ResponseView r = get(surveyId, organizationId);
		return jdbc.sql("""
				select revision, status, answers::text, reason, saved_by, saved_at from survey_response_revision
				where response_id = ? order by revision desc""")
			.param(r.id())
			.query((rs, i) -> new ResponseRevision(rs.getInt(1), ResponseStatus.valueOf(rs.getString(2)),
					Json.readMap(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/** The secretariat hands a submitted answer back to be corrected, saying why; kept as a revision. */
	@Transactional
	public ResponseView reopen(long surveyId, long organizationId, @Nullable String reason) {
		SurveyView s = surveys.get(surveyId);
		if (reason == null || reason.isBlank()) {
			throw Invalid.field("reason", "say why the answer is reopened");
		}
		if (reason.length() > 1000) {
			throw Invalid.field("reason", "at most 1000 characters");
		}
		if (s.status() == SurveyStatus.CLOSED) {
			throw new Conflict("the survey is closed");
		}
		Current current = current(surveyId, organizationId);
		if (current == null) {
			throw new NotFound("answer");
		}
		if (current.status() != ResponseStatus.SUBMITTED) {
			throw new Conflict("only a submitted answer can be reopened");
		}
		int revision = current.revision() + 1;
		jdbc.sql("update survey_response set status = 'REOPENED', revision = ?, version = version + 1, updated_at = now() where id = ?")
			.params(revision, current.id())
			.update();
		jdbc.sql("""
				insert into survey_response_revision (response_id, revision, status, answers, reason, saved_by)
				select id, ?, 'REOPENED', answers, ?, ? from survey_response where id = ?""")
			.params(revision, reason.strip(), username(), current.id())
			.update();
		events.publishEvent(new ResponseReopened(surveyId, s.allianceId(), organizationId, current.id(), revision, reason.strip()));
		return get(surveyId, organizationId);
	}

	// ---- spreadsheets

	/**
	 * The organisations whose answers the caller gives in a spreadsheet: every recipient for the secretariat,
	 * the recipients the caller represents for a member's representative.
	 */
	private List<Workbooks.Row> rowsFor(SurveyView s) {
		boolean manager = surveys.canManage(s);
		Set<Long> mine = access.organizationsActedFor();
		List<Workbooks.Row> rows = jdbc.sql("""
				select r.organization_id, p.answers::text from survey_recipient r
				left join survey_response p on p.survey_id = r.survey_id and p.organization_id = r.organization_id
				where r.survey_id = ?""")
			.param(s.id())
			.query((rs, i) -> new Workbooks.Row(rs.getLong(1), "",
					rs.getString(2) == null ? Map.of() : Json.readMap(rs.getString(2))))
			.list()
			.stream()
			.filter(r -> manager || mine.contains(r.organizationId()))
			.toList();
		Map<Long, String> names = organizations.names(rows.stream().map(Workbooks.Row::organizationId).toList());
		return rows.stream()
			.map(r -> new Workbooks.Row(r.organizationId(), names.getOrDefault(r.organizationId(), ""), r.values()))
			.sorted(java.util.Comparator.comparing(Workbooks.Row::name, org.alliancehub.shared.ChineseOrder.NAMES))
			.toList();
	}

	/** The .xlsx template of a survey, with the caller's organisations and their answers so far. */
	public byte[] template(long surveyId) {
		SurveyView s = surveys.get(surveyId);
		return Workbooks.template(s, rowsFor(s));
	}

	/**
	 * Saves the answers of a spreadsheet filled in from the template: every row is checked first, and
	 * nothing is saved unless every row is right; the mistakes are named {@code rows[7].revenue} after the
	 * spreadsheet's own row numbers. Blank rows are skipped.
	 */
	@Transactional
	public Imported upload(long surveyId, InputStream content, boolean submit) {
		SurveyView s = surveys.get(surveyId);
		if (s.status() != SurveyStatus.PUBLISHED) {
			throw new Conflict(s.status() == SurveyStatus.DRAFT ? "the survey is not published yet" : "the survey is closed");
		}
		Map<Long, Workbooks.Row> allowed = new LinkedHashMap<>();
		rowsFor(s).forEach(r -> allowed.put(r.organizationId(), r));
		Workbooks.Sheet sheet = Workbooks.read(s, content, uploadMaxRows);
		List<FieldError> errors = new ArrayList<>(sheet.errors());
		record Ready(long organizationId, @Nullable Current current, Answers.Checked checked) {
		}
		List<Ready> ready = new ArrayList<>();
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (Workbooks.Filled row : sheet.rows()) {
			String at = "rows[" + row.number() + "].";
			Long org = row.organizationId();
			if (org == null || !allowed.containsKey(org)) {
				errors.add(new FieldError(at + "organizationId", "not an organisation this survey asks that you answer for"));
				continue;
			}
			if (!seen.add(org)) {
				errors.add(new FieldError(at + "organizationId", "the organisation appears twice"));
				continue;
			}
			Current current = current(surveyId, org);
			if (current != null && current.status() == ResponseStatus.SUBMITTED) {
				errors.add(new FieldError(at + "organizationId", "the answer is submitted; the secretariat can reopen it"));
				continue;
			}
			boolean reopened = current != null && current.status() == ResponseStatus.REOPENED;
			if (!reopened && !OffsetDateTime.now().isBefore(s.deadline())) {
				errors.add(new FieldError(at + "organizationId", "the deadline has passed"));
				continue;
			}
			Answers.Checked checked = Answers.check(s.fields(), s.rules(), row.values(), submit, at,
					file -> fileExists(surveyId, org, file));
			errors.addAll(checked.errors());
			ready.add(new Ready(org, current, checked));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (ready.isEmpty()) {
			throw Invalid.field("file", "no row holds an answer");
		}
		for (Ready r : ready) {
			store(s, r.organizationId(), r.current(), r.checked(), submit);
		}
		return new Imported(ready.size(), ready.stream().map(Ready::organizationId).toList(), submit);
	}

	/** The ids of the files an answer names in its FILE fields. */
	private static java.util.Set<Long> fileIds(SurveyView s, Map<String, ?> values) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		for (SurveyField f : s.fields()) {
			Object v = values.get(f.key());
			if (f.type() == FieldType.FILE && v != null) {
				try {
					ids.add(v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().strip()));
				}
				catch (NumberFormatException e) {
					// not a file id: names no file
				}
			}
		}
		return ids;
	}

	private boolean fileExists(long surveyId, long organizationId, long fileId) {
		return jdbc.sql("select count(*) from survey_file where id = ? and survey_id = ? and organization_id = ?")
			.params(fileId, surveyId, organizationId)
			.query(Integer.class)
			.single() > 0;
	}
}
