package org.alliancehub.standards.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.MotionFacts;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Memberships;
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
import org.alliancehub.standards.DraftDiff;
import org.alliancehub.standards.StandardLine;
import org.alliancehub.standards.StandardStage;
import org.alliancehub.standards.StandardView;
import org.alliancehub.standards.StandardView.ReviewConclusion;
import org.alliancehub.standards.StandardView.CommentDisposition;
import org.alliancehub.standards.StandardsEvents.StandardChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow of a group standard (团体标准), following the national rules for group standards: the secretariat
 * proposes it in the alliance's name for proposing organisations that are members; a GROUP_STANDARD motion
 * approves it to start (立项); the drafting group (units and experts) writes drafts in versions; the public
 * comment period lasts at least {@code alliancehub.standards.min-comment-days}, anyone comments, and every comment
 * receives a disposition; experts review it; a second GROUP_STANDARD motion, on which the drafting units do not
 * vote, approves it; the secretariat publishes it with number, dates and the final PDF only when that vote was
 * adopted and every comment is answered. Every change of stage goes to the trail with who, when and why.
 * Who may call what is the access policy's (kinds {@code standard} and {@code standard-comment}); the rules of
 * the workflow are here.
 */
@Service
public class Workflow {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** 团体标准编号: T/ + the body's code + sequence + — + year, e.g. T/CGMA 001—2026 (a hyphen is taken for the dash). */
	static final Pattern NUMBER = Pattern.compile("T/[A-Z][A-Z0-9]{1,15} \\d{3,4}[—-](\\d{4})");

	private final JdbcClient jdbc;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final Meetings meetings;

	private final Projects projects;

	private final Uploads uploads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StandardsSettings settings;

	Workflow(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Memberships memberships,
			Meetings meetings, Projects projects, Uploads uploads, ApplicationEventPublisher events, Clock clock,
			StandardsSettings settings) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.meetings = meetings;
		this.projects = projects;
		this.uploads = uploads;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	// ---- requests

	public record NewStandard(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20_000) String scope,
			@NotBlank @Size(max = 20_000) String reasons,
			@NotNull @Size(min = 1, max = 50) List<@NotNull @Positive Long> proposingOrganizationIds,
			@Nullable @Positive Long projectId) {
	}

	public record MotionLink(@NotNull @Positive Long motionId) {
	}

	/**
	 * A change of stage by hand; becoming AMENDED issues a numbered amendment (修改单): its number, when not given,
	 * follows the standard's ({@code T/CGMA 001—2026/XG1—2027}), and it is issued on {@code amendedOn}, today when
	 * not given.
	 */
	public record StageChange(@NotNull StandardStage stage, @Nullable @Size(max = 2_000) String reason,
			@Nullable @Size(max = 100) String amendmentNumber, @Nullable LocalDate amendedOn) {

		public StageChange(StandardStage stage, @Nullable String reason) {
			this(stage, reason, null, null);
		}
	}

	public record NewDrafter(@Nullable @Positive Long organizationId, @Nullable @Size(min = 1, max = 100) String expertName,
			@Nullable @Size(max = 200) String affiliation) {
	}

	public record NewDraft(@NotBlank @Size(max = 500_000) String text, @Nullable @Size(max = 1_000) String note) {
	}

	public record CommentPeriod(@NotNull LocalDate from, @NotNull LocalDate to) {
	}

	/** {@code website} is a field people never see (a honeypot): a robot that fills it in is refused. */
	public record NewComment(@NotBlank @Size(max = 100) String clause, @NotBlank @Size(max = 5_000) String text,
			@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String organization,
			@NotBlank @Size(max = 200) String contact, @Nullable @Size(max = 200) String website) {
	}

	public record DispositionInput(@NotNull CommentDisposition disposition, @Nullable @Size(max = 5_000) String reason) {
	}

	public record NewReview(@NotBlank @Size(max = 100) String reviewer, @Nullable @Size(max = 200) String affiliation,
			@NotNull ReviewConclusion conclusion, @Nullable @Size(max = 20_000) String opinion) {
	}

	public record StandardPublication(@NotBlank @Size(max = 60) String number, @NotNull LocalDate issuedOn,
			@NotNull LocalDate effectiveOn) {
	}

	/** A draft's text, as the API answers it. */
	public record DraftText(int version, @Nullable String note, @Nullable String text, StandardView.@Nullable StandardDocument file,
			OffsetDateTime createdAt) {
	}

	/** A stored file, to be sent. */
	public record StoredFile(StandardView.StandardDocument file, Path path) {
	}

	// ---- proposal and stages

	@Transactional
	public StandardView propose(String slug, NewStandard p) {
		Alliance a = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		List<Long> proposers = List.copyOf(new LinkedHashSet<>(p.proposingOrganizationIds()));
		for (int i = 0; i < p.proposingOrganizationIds().size(); i++) {
			long org = p.proposingOrganizationIds().get(i);
			if (!memberships.isActiveMember(a.id(), org)) {
				errors.add(new Invalid.FieldError("proposingOrganizationIds[" + i + "]", "not a member of the alliance"));
			}
		}
		if (p.projectId() != null && !managesProject(p.projectId())) {
			errors.add(new Invalid.FieldError("projectId", "no project the secretariat manages"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		long id = jdbc.sql("insert into standards_standard (alliance_id, title, scope, reasons, project_id) values (?, ?, ?, ?, ?) returning id")
			.params(a.id(), p.title().strip(), p.scope().strip(), p.reasons().strip(), p.projectId())
			.query(Long.class)
			.single();
		for (long org : proposers) {
			jdbc.sql("insert into standards_proposer (standard_id, organization_id) values (?, ?)").params(id, org).update();
		}
		trail(id, null, StandardStage.PROPOSED, "proposed", null);
		changed("standard.proposed", id);
		return view(id);
	}

	private boolean managesProject(long projectId) {
		try {
			projects.summary(projectId);
			return access.canManage("project", projectId);
		}
		catch (NotFound e) {
			return false;
		}
	}

	/**
	 * Links a GROUP_STANDARD motion of the alliance: while proposed, the vote on starting (立项); in the vote stage,
	 * the approval vote, which must leave out every drafting unit. A motion already closed counts at once.
	 */
	@Transactional
	public StandardView linkMotion(long id, long motionId) {
		Head h = head(id);
		MotionFacts m;
		try {
			m = meetings.motionFacts(motionId);
		}
		catch (NotFound e) {
			throw Invalid.field("motionId", "no such motion");
		}
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (m.allianceId() != h.allianceId()) {
			errors.add(new Invalid.FieldError("motionId", "a motion of another alliance"));
		}
		else if (m.type() != MotionType.GROUP_STANDARD) {
			errors.add(new Invalid.FieldError("motionId", "not a GROUP_STANDARD motion"));
		}
		boolean start = h.stage() == StandardStage.PROPOSED;
		if (!start && h.stage() != StandardStage.VOTE) {
			throw new Conflict("a motion is linked while the standard is PROPOSED (to start) or in VOTE (to approve), not " + h.stage());
		}
		if (!start && errors.isEmpty()) {
			List<Long> drafting = draftingOrganizations(id);
			List<Long> voting = drafting.stream().filter(o -> !m.draftingOrganizationIds().contains(o)).toList();
			if (!voting.isEmpty()) {
				errors.add(new Invalid.FieldError("motionId", "drafting units do not vote on their standard; the motion must name "
						+ voting + " among its drafting organisations"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		Long current = start ? h.startMotionId() : h.approvalMotionId();
		if (current != null && current != motionId) {
			MotionFacts old = meetings.motionFacts(current);
			if (old.status() != MotionStatus.CLOSED || old.outcome() == MotionOutcome.ADOPTED) {
				throw new Conflict("motion " + current + " is already linked and not rejected");
			}
		}
		jdbc.sql("update standards_standard set " + (start ? "start_motion_id" : "approval_motion_id")
				+ " = ?, version = version + 1, updated_at = now() where id = ?")
			.params(motionId, id)
			.update();
		trail(id, h.stage(), h.stage(), start ? "start-motion-linked" : "approval-motion-linked", "motion " + motionId);
		changed("standard.motion-linked", id);
		if (m.status() == MotionStatus.CLOSED && m.outcome() != null) {
			motionClosed(motionId, m.outcome());
		}
		return view(id);
	}

	/** What a closed motion means for the standards that link it; running it twice changes nothing more. */
	@Transactional
	public void motionClosed(long motionId, MotionOutcome outcome) {
		for (long id : jdbc.sql("select id from standards_standard where start_motion_id = ? and stage = 'PROPOSED'")
			.param(motionId).query(Long.class).list()) {
			if (outcome == MotionOutcome.ADOPTED) {
				move(id, StandardStage.PROPOSED, StandardStage.APPROVED_TO_START, "approved-to-start", "motion " + motionId, "governance");
			}
			else {
				trailAs(id, StandardStage.PROPOSED, StandardStage.PROPOSED, "start-motion-" + outcome.name().toLowerCase(),
						"motion " + motionId, "governance");
			}
		}
		for (long id : jdbc.sql("select id from standards_standard where approval_motion_id = ? and stage = 'VOTE' and not approval_adopted")
			.param(motionId).query(Long.class).list()) {
			if (outcome == MotionOutcome.ADOPTED) {
				jdbc.sql("update standards_standard set approval_adopted = true, version = version + 1, updated_at = now() where id = ?")
					.param(id).update();
			}
			trailAs(id, StandardStage.VOTE, StandardStage.VOTE, "approval-" + outcome.name().toLowerCase(), "motion " + motionId,
					"governance");
			changed("standard.approval-" + outcome.name().toLowerCase(), id);
		}
	}

	/** The secretariat moves the standard on by hand: to review after the comment period, to the vote, back, or on after publication. */
	@Transactional
	public StandardView changeStage(long id, StageChange c) {
		Head h = head(id);
		StandardStage next = c.stage();
		if (!h.stage().canBecome(next)) {
			throw new Conflict("a standard in " + h.stage() + " cannot become " + next);
		}
		boolean back = (h.stage() == StandardStage.REVIEW && next == StandardStage.DRAFTING)
				|| (h.stage() == StandardStage.VOTE && next == StandardStage.REVIEW);
		if ((back || next == StandardStage.AMENDED || next == StandardStage.REVISED || next == StandardStage.WITHDRAWN)
				&& (c.reason() == null || c.reason().isBlank())) {
			throw Invalid.field("reason", "say why the standard becomes " + next);
		}
		if (h.stage() == StandardStage.COMMENT && next == StandardStage.REVIEW && h.commentTo() != null
				&& !today().isAfter(h.commentTo())) {
			throw new Conflict("the comment period runs until " + h.commentTo());
		}
		if (next == StandardStage.VOTE && reviewCount(id) == 0) {
			throw new Conflict("no expert has reviewed the standard yet");
		}
		if (h.stage() == StandardStage.VOTE && next == StandardStage.REVIEW) {
			jdbc.sql("update standards_standard set approval_motion_id = null, approval_adopted = false where id = ?").param(id).update();
		}
		if (next == StandardStage.AMENDED) {
			amend(id, h, c);
			return view(id);
		}
		move(id, h.stage(), next, "stage-changed", c.reason() == null ? null : c.reason().strip(), actor());
		return view(id);
	}

	/** The next numbered amendment of a standard in force; its trail line names it by its sequence. */
	private void amend(long id, Head h, StageChange c) {
		record Pub(@Nullable String number, @Nullable LocalDate issuedOn) {
		}
		Pub pub = jdbc.sql("select number, issued_on from standards_standard where id = ?").param(id)
			.query((rs, i) -> new Pub(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
		LocalDate on = c.amendedOn() == null ? today() : c.amendedOn();
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (on.isAfter(today())) {
			errors.add(new Invalid.FieldError("amendedOn", "not in the future"));
		}
		else if (pub.issuedOn() != null && on.isBefore(pub.issuedOn())) {
			errors.add(new Invalid.FieldError("amendedOn", "not before the standard's issue, " + pub.issuedOn()));
		}
		String given = c.amendmentNumber() == null || c.amendmentNumber().isBlank() ? null : c.amendmentNumber().strip();
		if (given != null && given.chars().anyMatch(Character::isISOControl)) {
			errors.add(new Invalid.FieldError("amendmentNumber", "one line of text"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from standards_amendment where standard_id = ?").param(id)
			.query(Integer.class).single();
		String number = given != null ? given
				: (pub.number() == null ? "" : pub.number()) + "/XG" + seq + "—" + on.getYear();
		String reason = c.reason().strip();
		try {
			jdbc.sql("insert into standards_amendment (standard_id, seq, number, issued_on, reason, actor) values (?, ?, ?, ?, ?, ?)")
				.params(id, seq, number, on, reason, actor())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("the amendment number " + number + " is taken");
		}
		move(id, h.stage(), StandardStage.AMENDED, "amendment-" + seq, number + "：" + reason, actor());
	}

	// ---- drafting group and drafts

	@Transactional
	public StandardView addDrafter(long id, NewDrafter d) {
		Head h = head(id);
		if (h.stage().inForce() || h.stage() == StandardStage.WITHDRAWN) {
			throw new Conflict("the standard is " + h.stage());
		}
		if ((d.organizationId() == null) == (d.expertName() == null || d.expertName().isBlank())) {
			throw new Invalid(List.of(new Invalid.FieldError("organizationId", "either an organisation or an expert"),
					new Invalid.FieldError("expertName", "either an organisation or an expert")));
		}
		if (d.organizationId() != null) {
			try {
				organizations.get(d.organizationId());
			}
			catch (NotFound e) {
				throw Invalid.field("organizationId", "no such organisation");
			}
			if (draftingOrganizations(id).contains(d.organizationId())) {
				throw new Conflict("the organisation is already a drafting unit");
			}
		}
		jdbc.sql("insert into standards_drafter (standard_id, organization_id, expert_name, expert_affiliation) values (?, ?, ?, ?)")
			.params(id, d.organizationId(), d.expertName() == null ? null : d.expertName().strip(),
					d.affiliation() == null || d.affiliation().isBlank() ? null : d.affiliation().strip())
			.update();
		trail(id, h.stage(), h.stage(), "drafter-added",
				d.organizationId() != null ? organizations.get(d.organizationId()).name() : d.expertName().strip());
		changed("standard.drafter-added", id);
		return view(id);
	}

	@Transactional
	public DraftText addDraft(long id, NewDraft d) {
		return insertDraft(id, d.text().strip(), d.note(), null);
	}

	/** A draft as a file; a plain-text file's content is also its text, so it can be compared. */
	@Transactional
	public DraftText addDraftFile(long id, String filename, long size, InputStream content, @Nullable String note) {
		requireDrafting(head(id), id);
		Uploads.Stored s = uploads.store(filename, size, content, Uploads.DOCUMENTS);
		String text = null;
		if (s.contentType().startsWith("text/plain")) {
			try {
				text = Files.readString(uploads.path(s.sha256()), StandardCharsets.UTF_8).strip();
			}
			catch (IOException e) { // not UTF-8: kept as a file only
				text = null;
			}
		}
		return insertDraft(id, text, note, s);
	}

	private DraftText insertDraft(long id, @Nullable String text, @Nullable String note, Uploads.@Nullable Stored file) {
		Head h = head(id);
		requireDrafting(h, id);
		int v = jdbc.sql("select coalesce(max(version), 0) + 1 from standards_draft where standard_id = ?").param(id)
			.query(Integer.class).single();
		jdbc.sql("""
				insert into standards_draft (standard_id, version, note, body, filename, content_type, size_bytes, sha256, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, v, note == null || note.isBlank() ? null : note.strip(), text, file == null ? null : file.filename(),
					file == null ? null : file.contentType(), file == null ? null : file.sizeBytes(),
					file == null ? null : file.sha256(), access.currentUser().map(u -> u.id()).orElse(null))
			.update();
		if (h.stage() == StandardStage.APPROVED_TO_START) {
			move(id, h.stage(), StandardStage.DRAFTING, "draft-" + v, note, actor());
		}
		else {
			trail(id, h.stage(), h.stage(), "draft-" + v, note);
		}
		changed("standard.drafted", id);
		return draft(id, v);
	}

	/** The secretariat, or a representative of a drafting unit, while the standard is being drafted. */
	private void requireDrafting(Head h, long id) {
		if (!StandardStage.DRAFTING_STAGES.contains(h.stage())) {
			throw new Conflict("drafts are added while the standard is approved to start, drafting, in review or in vote; it is "
					+ h.stage());
		}
		access.requireUser();
		if (access.canManage(h.allianceId())) {
			return;
		}
		Set<Long> mine = access.organizationsActedFor();
		if (draftingOrganizations(id).stream().noneMatch(mine::contains)) {
			throw new Forbidden("only the secretariat and the drafting units add drafts");
		}
	}

	public DraftText draft(long id, int version) {
		if (!jdbc.sql("select exists(select 1 from standards_standard where id = ?)").param(id).query(Boolean.class).single()) {
			throw new NotFound("standard " + id);
		}
		record Row(int version, @Nullable String note, @Nullable String body, @Nullable String filename,
				@Nullable String type, @Nullable Long size, OffsetDateTime at) {
		}
		Row r = jdbc.sql("select version, note, body, filename, content_type, size_bytes, created_at from standards_draft where standard_id = ? and version = ?")
			.params(id, version)
			.query((rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					(Long) rs.getObject(6), rs.getObject(7, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFound("draft " + version + " of standard " + id));
		return new DraftText(r.version(), r.note(), r.body(), r.filename() == null ? null
				: new StandardView.StandardDocument(r.filename(), r.type(), r.size(), draftFileUrl(id, r.version())), r.at());
	}

	public StoredFile draftFile(long id, int version) {
		DraftText d = draft(id, version);
		String sha = jdbc.sql("select sha256 from standards_draft where standard_id = ? and version = ?").params(id, version)
			.query(String.class).optional().orElse(null);
		if (d.file() == null || sha == null) {
			throw new NotFound("file of draft " + version);
		}
		return new StoredFile(d.file(), uploads.path(sha));
	}

	public DraftDiff diff(long id, int version, int against) {
		DraftText newer = draft(id, version);
		DraftText older = draft(id, against);
		if (newer.text() == null || older.text() == null) {
			throw new Conflict("version " + (newer.text() == null ? version : against) + " is a file without text to compare");
		}
		return Differ.diff(version, newer.text(), against, older.text());
	}

	// ---- the public comment period

	@Transactional
	public StandardView openCommentPeriod(long id, CommentPeriod p) {
		Head h = head(id);
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (p.from().isBefore(today())) {
			errors.add(new Invalid.FieldError("from", "not in the past"));
		}
		if (p.from().getYear() > 2200) {
			errors.add(new Invalid.FieldError("from", "a date before 2200"));
		}
		if (ChronoUnit.DAYS.between(p.from(), p.to()) < settings.minCommentDays()) {
			errors.add(new Invalid.FieldError("to", "at least " + settings.minCommentDays() + " days after from"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (h.stage() != StandardStage.DRAFTING) {
			throw new Conflict("a comment period is opened on a draft, in DRAFTING; the standard is " + h.stage());
		}
		jdbc.sql("update standards_standard set comment_from = ?, comment_to = ?, comment_reminded_at = null where id = ?")
			.params(p.from(), p.to(), id)
			.update();
		move(id, h.stage(), StandardStage.COMMENT, "comment-period", p.from() + " – " + p.to(), actor());
		return view(id);
	}

	/** Anyone's comment on a clause, while the comment period runs. */
	@Transactional
	public StandardView.PublicComment comment(long id, NewComment c) {
		if (c.website() != null && !c.website().isBlank()) {
			throw Invalid.field("website", "must be empty");
		}
		Head h = head(id);
		LocalDate today = today();
		if (h.stage() != StandardStage.COMMENT || h.commentFrom() == null || today.isBefore(h.commentFrom())
				|| today.isAfter(h.commentTo())) {
			throw new Conflict("the standard takes no comments now");
		}
		Integer v = jdbc.sql("select max(version) from standards_draft where standard_id = ?").param(id).query(Integer.class).single();
		long commentId = jdbc.sql("""
				insert into standards_comment (standard_id, draft_version, clause, text, name, organization, contact)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id, v, c.clause().strip(), c.text().strip(), c.name().strip(), c.organization().strip(), c.contact().strip())
			.query(Long.class)
			.single();
		events.publishEvent(new StandardChanged("standard.commented", h.allianceId(), "standard:" + id,
				"comment " + commentId + " on clause " + c.clause().strip()));
		return comments(id, true).stream().filter(x -> x.id() == commentId).findFirst().orElseThrow();
	}

	@Transactional
	public StandardView.PublicComment dispose(long commentId, DispositionInput d) {
		long id = standardOfComment(commentId);
		Head h = head(id);
		if (d.disposition() != CommentDisposition.ACCEPTED && (d.reason() == null || d.reason().isBlank())) {
			throw Invalid.field("reason", "a comment not (fully) accepted needs the reason");
		}
		if (h.stage() != StandardStage.COMMENT && h.stage() != StandardStage.REVIEW && h.stage() != StandardStage.VOTE) {
			throw new Conflict("dispositions are recorded until publication; the standard is " + h.stage());
		}
		jdbc.sql("""
				update standards_comment set disposition = ?, reason = ?, disposed_at = now(), version = version + 1,
				  updated_at = now() where id = ?""")
			.params(d.disposition().name(), d.reason() == null || d.reason().isBlank() ? null : d.reason().strip(), commentId)
			.update();
		events.publishEvent(new StandardChanged("standard.comment-disposed", h.allianceId(), "standard:" + id,
				"comment " + commentId + ": " + d.disposition()));
		return comments(id, true).stream().filter(x -> x.id() == commentId).findFirst().orElseThrow();
	}

	public long standardOfComment(long commentId) {
		return jdbc.sql("select standard_id from standards_comment where id = ?").param(commentId).query(Long.class)
			.optional().orElseThrow(() -> new NotFound("comment " + commentId));
	}

	// ---- review, final document, publication

	@Transactional
	public StandardView review(long id, NewReview r) {
		Head h = head(id);
		if (h.stage() != StandardStage.REVIEW) {
			throw new Conflict("experts review the standard in REVIEW; it is " + h.stage());
		}
		jdbc.sql("insert into standards_review (standard_id, reviewer, affiliation, conclusion, opinion) values (?, ?, ?, ?, ?)")
			.params(id, r.reviewer().strip(), r.affiliation() == null || r.affiliation().isBlank() ? null : r.affiliation().strip(),
					r.conclusion().name(), r.opinion())
			.update();
		trail(id, h.stage(), h.stage(), "reviewed", r.reviewer().strip() + ": " + r.conclusion());
		changed("standard.reviewed", id);
		return view(id);
	}

	@Transactional
	public StandardView uploadFinal(long id, String filename, long size, InputStream content) {
		Head h = head(id);
		if (h.stage() != StandardStage.VOTE && !h.stage().inForce()) {
			throw new Conflict("the final text is uploaded for the vote or after publication; the standard is " + h.stage());
		}
		Uploads.Stored s = uploads.store(filename, size, content, Set.of("application/pdf"));
		String old = jdbc.sql("select final_sha256 from standards_standard where id = ?").param(id).query(String.class).optional().orElse(null);
		jdbc.sql("""
				update standards_standard set final_filename = ?, final_content_type = ?, final_size = ?, final_sha256 = ?,
				  version = version + 1, updated_at = now() where id = ?""")
			.params(s.filename(), s.contentType(), s.sizeBytes(), s.sha256(), id)
			.update();
		if (old != null && !old.equals(s.sha256())) {
			uploads.release(old);
		}
		trail(id, h.stage(), h.stage(), "final-document", s.filename());
		changed("standard.final-document", id);
		return view(id);
	}

	public StoredFile finalFile(long id) {
		StandardView v = view(id);
		String sha = jdbc.sql("select final_sha256 from standards_standard where id = ?").param(id).query(String.class).optional().orElse(null);
		if (v.finalDocument() == null || sha == null) {
			throw new NotFound("final document of standard " + id);
		}
		return new StoredFile(v.finalDocument(), uploads.path(sha));
	}

	/** Publication: refused (409) unless in VOTE with the approval adopted, every comment answered and the final PDF there. */
	@Transactional
	public StandardView publish(long id, StandardPublication p) {
		Head h = head(id);
		String number = p.number().strip().replace('-', '—');
		List<Invalid.FieldError> errors = new ArrayList<>();
		var m = NUMBER.matcher(number);
		if (!m.matches()) {
			errors.add(new Invalid.FieldError("number", "a group standard's number like T/CGMA 001—2026"));
		}
		else if (Integer.parseInt(m.group(1)) != p.issuedOn().getYear()) {
			errors.add(new Invalid.FieldError("number", "the year must be the year of issue"));
		}
		if (p.effectiveOn().isBefore(p.issuedOn())) {
			errors.add(new Invalid.FieldError("effectiveOn", "not before issuedOn"));
		}
		if (p.issuedOn().getYear() < 1900 || p.issuedOn().getYear() > 2200) {
			errors.add(new Invalid.FieldError("issuedOn", "a date between 1900 and 2200"));
		}
		if (p.effectiveOn().getYear() > 2200) {
			errors.add(new Invalid.FieldError("effectiveOn", "a date before 2200"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (h.stage() != StandardStage.VOTE) {
			throw new Conflict("a standard is published after the approval vote; it is " + h.stage());
		}
		if (!h.approvalAdopted()) {
			throw new Conflict("the approval vote has not been adopted");
		}
		long open = jdbc.sql("select count(*) from standards_comment where standard_id = ? and disposition is null").param(id)
			.query(Long.class).single();
		if (open > 0) {
			throw new Conflict(open + " comment(s) have no disposition yet");
		}
		if (!h.hasFinal()) {
			throw new Conflict("the final PDF has not been uploaded");
		}
		try {
			jdbc.sql("update standards_standard set number = ?, issued_on = ?, effective_on = ?, version = version + 1, updated_at = now() where id = ?")
				.params(number, p.issuedOn(), p.effectiveOn(), id)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("the number " + number + " is taken");
		}
		move(id, h.stage(), StandardStage.PUBLISHED, "published", number, actor());
		return view(id);
	}

	/**
	 * A standard the alliance published before it used the platform, recorded as it stands: every field as text so
	 * that each invalid one is named; {@code reasons} optional.
	 */
	public record PublishedStandard(@Nullable String number, @Nullable String title, @Nullable String scope,
			@Nullable String reasons, @Nullable String issuedOn, @Nullable String effectiveOn) {
	}

	/**
	 * Records a standard published before the platform directly as PUBLISHED (it never ran through the workflow
	 * here, and its history says so and who recorded it). Issued today or earlier; the number unique (409).
	 */
	@Transactional
	public StandardView recordPublished(String slug, PublishedStandard p) {
		Alliance a = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		String number = p.number() == null ? "" : p.number().strip().replace('-', '—');
		var m = NUMBER.matcher(number);
		if (!m.matches()) {
			errors.add(new Invalid.FieldError("number", "a group standard's number like T/CGMA 001—2026"));
		}
		String title = required(p.title(), "title", 300, errors);
		String scope = required(p.scope(), "scope", 20_000, errors);
		String reasons = p.reasons() == null ? "" : p.reasons().strip();
		if (reasons.length() > 20_000) {
			errors.add(new Invalid.FieldError("reasons", "at most 20000 characters"));
		}
		LocalDate issuedOn = day(p.issuedOn(), "issuedOn", errors);
		LocalDate effectiveOn = day(p.effectiveOn(), "effectiveOn", errors);
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		if (issuedOn != null && issuedOn.isAfter(today)) {
			errors.add(new Invalid.FieldError("issuedOn", "today or earlier: a standard published before the platform"));
		}
		if (issuedOn != null && m.matches() && Integer.parseInt(m.group(1)) != issuedOn.getYear()) {
			errors.add(new Invalid.FieldError("number", "the year must be the year of issue"));
		}
		if (issuedOn != null && effectiveOn != null && effectiveOn.isBefore(issuedOn)) {
			errors.add(new Invalid.FieldError("effectiveOn", "not before issuedOn"));
		}
		if (!errors.isEmpty() || title == null || scope == null || issuedOn == null || effectiveOn == null) {
			throw new Invalid(errors);
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into standards_standard (alliance_id, title, scope, reasons, stage, number, issued_on, effective_on)
					values (?, ?, ?, ?, 'PUBLISHED', ?, ?, ?) returning id""")
				.params(a.id(), title, scope, reasons, number, issuedOn, effectiveOn)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("the number " + number + " is taken");
		}
		trail(id, null, StandardStage.PUBLISHED, "recorded-published",
				"published " + issuedOn + " before the platform; recorded, not run through the workflow here");
		changed("standard.recorded-published", id);
		return view(id);
	}

	/** The same with the final PDF, in one transaction: a file refused records nothing. */
	@Transactional
	public StandardView recordPublished(String slug, PublishedStandard p, String filename, long size, InputStream content) {
		StandardView s = recordPublished(slug, p);
		return uploadFinal(s.id(), filename, size, content);
	}

	private static @Nullable String required(@Nullable String value, String field, int max, List<Invalid.FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new Invalid.FieldError(field, "required"));
			return null;
		}
		if (value.strip().length() > max) {
			errors.add(new Invalid.FieldError(field, "at most " + max + " characters"));
			return null;
		}
		return value.strip();
	}

	private static @Nullable LocalDate day(@Nullable String value, String field, List<Invalid.FieldError> errors) {
		try {
			LocalDate d = LocalDate.parse(value == null ? "" : value.strip());
			if (d.getYear() < 1900 || d.getYear() > 2200) {
				errors.add(new Invalid.FieldError(field, "a date between 1900 and 2200"));
				return null;
			}
			return d;
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add(new Invalid.FieldError(field, "a date (YYYY-MM-DD)"));
			return null;
		}
	}

	/** Marks a standard as demo content (invented for the demo, not from a seed). */
	@Transactional
	public void markDemo(long id) {
		jdbc.sql("update standards_standard set demo = true where id = ?").param(id).update();
	}

	// ---- reading

	public StandardView view(long id) {
		record Row(long allianceId, String title, String scope, String reasons, StandardStage stage, @Nullable Long projectId,
				@Nullable LocalDate commentFrom, @Nullable LocalDate commentTo, @Nullable Long startMotion,
				@Nullable Long approvalMotion, boolean adopted, @Nullable String number, @Nullable LocalDate issuedOn,
				@Nullable LocalDate effectiveOn, @Nullable String finalName, @Nullable String finalType, @Nullable Long finalSize,
				boolean demo, long version, OffsetDateTime createdAt) {
		}
		Row r = jdbc.sql("""
				select alliance_id, title, scope, reasons, stage, project_id, comment_from, comment_to, start_motion_id,
				  approval_motion_id, approval_adopted, number, issued_on, effective_on, final_filename, final_content_type,
				  final_size, demo, version, created_at from standards_standard where id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					StandardStage.valueOf(rs.getString(5)), (Long) rs.getObject(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class), (Long) rs.getObject(9), (Long) rs.getObject(10), rs.getBoolean(11),
					rs.getString(12), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getString(15),
					rs.getString(16), (Long) rs.getObject(17), rs.getBoolean(18), rs.getLong(19),
					rs.getObject(20, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFound("standard " + id));
		Alliance a = alliances.get(r.allianceId());
		List<Long> proposerIds = jdbc.sql("select organization_id from standards_proposer where standard_id = ? order by organization_id")
			.param(id).query(Long.class).list();
		record D(long id, @Nullable Long org, @Nullable String name, @Nullable String affiliation) {
		}
		List<D> ds = jdbc.sql("select id, organization_id, expert_name, expert_affiliation from standards_drafter where standard_id = ? order by id")
			.param(id)
			.query((rs, i) -> new D(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)))
			.list();
		Set<Long> orgIds = new LinkedHashSet<>(proposerIds);
		ds.stream().map(D::org).filter(java.util.Objects::nonNull).forEach(orgIds::add);
		Map<Long, String> names = organizations.names(orgIds);
		List<StandardView.DraftVersion> drafts = jdbc.sql("""
				select version, note, body is not null, filename, content_type, size_bytes, created_at from standards_draft
				where standard_id = ? order by version""")
			.param(id)
			.query((rs, i) -> new StandardView.DraftVersion(rs.getInt(1), rs.getString(2), rs.getBoolean(3),
					rs.getString(4) == null ? null : new StandardView.StandardDocument(rs.getString(4), rs.getString(5), rs.getLong(6),
							draftFileUrl(id, rs.getInt(1))),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
		List<StandardView.ExpertReview> reviews = jdbc.sql("select id, reviewer, affiliation, conclusion, opinion, created_at from standards_review where standard_id = ? order by id")
			.param(id)
			.query((rs, i) -> new StandardView.ExpertReview(rs.getLong(1), rs.getString(2), rs.getString(3),
					ReviewConclusion.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
		List<StandardView.TrailEntry> history = jdbc.sql("select from_stage, to_stage, event, actor, reason, at from standards_history where standard_id = ? order by id")
			.param(id)
			.query((rs, i) -> new StandardView.TrailEntry(rs.getString(1) == null ? null : StandardStage.valueOf(rs.getString(1)),
					StandardStage.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
		List<StandardView.Amendment> amendments = jdbc.sql("select seq, number, issued_on, reason from standards_amendment where standard_id = ? order by seq")
			.param(id)
			.query((rs, i) -> new StandardView.Amendment(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4)))
			.list();
		LocalDate today = today();
		boolean open = r.stage() == StandardStage.COMMENT && r.commentFrom() != null && !today.isBefore(r.commentFrom())
				&& !today.isAfter(r.commentTo());
		StandardView.StandardDocument fin = r.finalName() == null ? null
				: new StandardView.StandardDocument(r.finalName(), r.finalType(), r.finalSize(), "/api/v1/standards/" + id + "/document");
		return new StandardView(id, a.slug(), a.name(), r.title(), r.scope(), r.reasons(), r.stage(), r.projectId(),
				proposerIds.stream().map(o -> new StandardView.Proposer(o, names.getOrDefault(o, ""))).toList(),
				ds.stream().map(d -> new StandardView.DraftingMember(d.id(), d.org(), d.org() != null ? names.getOrDefault(d.org(), "") : d.name(),
						d.affiliation())).toList(),
				drafts, r.commentFrom(), r.commentTo(), open, comments(id, access.canManage(r.allianceId())), reviews,
				r.startMotion(), r.approvalMotion(), r.adopted(), r.number(), r.issuedOn(), r.effectiveOn(), fin, history,
				amendments, r.demo(), r.version(), r.createdAt());
	}

	private List<StandardView.PublicComment> comments(long id, boolean withContact) {
		return jdbc.sql("""
				select id, draft_version, clause, text, name, organization, contact, disposition, reason, created_at
				from standards_comment where standard_id = ? order by id""")
			.param(id)
			.query((rs, i) -> new StandardView.PublicComment(rs.getLong(1), (Integer) rs.getObject(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), withContact ? rs.getString(7) : null,
					rs.getString(8) == null ? null : CommentDisposition.valueOf(rs.getString(8)), rs.getString(9),
					rs.getObject(10, OffsetDateTime.class)))
			.list();
	}

	/** The register of an alliance's standards (the network's: every alliance's), newest first. */
	public PageResult<StandardLine> register(String slug, @Nullable StandardStage stage, Paging paging) {
		Alliance a = alliances.get(slug);
		StringBuilder where = new StringBuilder(a.isNetwork() ? "where true" : "where alliance_id = ?");
		List<Object> params = new ArrayList<>();
		if (!a.isNetwork()) {
			params.add(a.id());
		}
		if (stage != null) {
			where.append(" and stage = ?");
			params.add(stage.name());
		}
		long total = jdbc.sql("select count(*) from standards_standard " + where).params(params).query(Long.class).single();
		return new PageResult<>(lines(where.toString(), params, paging.offset(), paging.size()), paging.page(), paging.size(), total);
	}

	/** The secretariat's list. */
	public List<StandardLine> ownedBy(long allianceId) {
		return lines("where alliance_id = ?", List.of(allianceId), 0, 500);
	}

	/** Standards a project proposed. */
	public List<StandardLine> ofProject(long projectId) {
		return lines("where project_id = ?", List.of(projectId), 0, 100);
	}

	public Optional<StandardLine> byNumber(String number) {
		return lines("where number = ?", List.of(number.strip().replace('-', '—')), 0, 1).stream().findFirst();
	}

	public Optional<StandardLine> line(long id) {
		return lines("where id = ?", List.of(id), 0, 1).stream().findFirst();
	}

	private List<StandardLine> lines(String where, List<Object> params, long offset, int limit) {
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		record L(long id, long allianceId, String title, StandardStage stage, @Nullable String number, @Nullable LocalDate issuedOn,
				@Nullable LocalDate commentTo, boolean demo) {
		}
		List<L> ls = jdbc.sql("select id, alliance_id, title, stage, number, issued_on, comment_to, demo from standards_standard "
				+ where + " order by created_at desc, id desc limit ? offset ?")
			.params(all)
			.query((rs, i) -> new L(rs.getLong(1), rs.getLong(2), rs.getString(3), StandardStage.valueOf(rs.getString(4)),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBoolean(8)))
			.list();
		return ls.stream().map(l -> new StandardLine(l.id(), alliances.get(l.allianceId()).slug(), l.title(), l.stage(),
				l.number(), l.issuedOn(), l.commentTo(), l.demo())).toList();
	}

	public List<Long> draftingOrganizations(long id) {
		return jdbc.sql("select organization_id from standards_drafter where standard_id = ? and organization_id is not null order by id")
			.param(id).query(Long.class).list();
	}

	private long reviewCount(long id) {
		return jdbc.sql("select count(*) from standards_review where standard_id = ?").param(id).query(Long.class).single();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	// ---- the trail

	record Head(long allianceId, StandardStage stage, @Nullable LocalDate commentFrom, @Nullable LocalDate commentTo,
			@Nullable Long startMotionId, @Nullable Long approvalMotionId, boolean approvalAdopted, boolean hasFinal) {
	}

	Head head(long id) {
		return jdbc.sql("""
				select alliance_id, stage, comment_from, comment_to, start_motion_id, approval_motion_id, approval_adopted,
				  final_sha256 is not null from standards_standard where id = ? for update""")
			.param(id)
			.query((rs, i) -> new Head(rs.getLong(1), StandardStage.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getBoolean(7),
					rs.getBoolean(8)))
			.optional()
			.orElseThrow(() -> new NotFound("standard " + id));
	}

	private void move(long id, StandardStage from, StandardStage to, String event, @Nullable String reason, String actor) {
		int moved = jdbc.sql("update standards_standard set stage = ?, version = version + 1, updated_at = now() where id = ? and stage = ?")
			.params(to.name(), id, from.name())
			.update();
		if (moved == 0) {
			throw new Conflict("the standard moved on meanwhile");
		}
		trailAs(id, from, to, event, reason, actor);
		changed("standard." + to.name().toLowerCase().replace('_', '-'), id);
	}

	private void trail(long id, @Nullable StandardStage from, StandardStage to, String event, @Nullable String reason) {
		trailAs(id, from, to, event, reason, actor());
	}

	private void trailAs(long id, @Nullable StandardStage from, StandardStage to, String event, @Nullable String reason,
			String actor) {
		jdbc.sql("insert into standards_history (standard_id, from_stage, to_stage, event, actor, reason, at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, from == null ? null : from.name(), to.name(), event, actor, reason, OffsetDateTime.now(clock))
			.update();
	}

	private String actor() {
		return access.currentUser().map(u -> u.getUsername()).orElse("anonymous");
	}

	private void changed(String action, long id) {
		record R(long allianceId, String title) {
		}
		R r = jdbc.sql("select alliance_id, title from standards_standard where id = ?").param(id)
			.query((rs, i) -> new R(rs.getLong(1), rs.getString(2))).single();
		events.publishEvent(new StandardChanged(action, r.allianceId(), "standard:" + id, r.title()));
	}

	private static String draftFileUrl(long id, int version) {
		return "/api/v1/standards/" + id + "/drafts/" + version + "/file";
	}
}
