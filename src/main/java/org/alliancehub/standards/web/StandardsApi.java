package org.alliancehub.standards.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.standards.DraftDiff;
import org.alliancehub.standards.StandardLine;
import org.alliancehub.standards.StandardStage;
import org.alliancehub.standards.StandardView;
import org.alliancehub.standards.internal.CommentThrottle;
import org.alliancehub.standards.internal.Workflow;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Group standards: proposed by the secretariat, started and approved by GROUP_STANDARD motions, drafted in
 * versions, commented on in public by anyone, answered, reviewed and published.
 */
@RestController
@Tag(name = "standards")
class StandardsApi {

	private final Workflow workflow;

	private final CommentThrottle throttle;

	StandardsApi(Workflow workflow, CommentThrottle throttle) {
		this.workflow = workflow;
		this.throttle = throttle;
	}

	@PostMapping("/api/v1/alliances/{slug}/standards")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Propose a group standard in the alliance's name; proposing organisations are members; projectId optional")
	ResponseEntity<StandardView> propose(@PathVariable String slug, @Valid @RequestBody Workflow.NewStandard body) {
		StandardView s = workflow.propose(slug, body);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + s.id())).body(s);
	}

	@PostMapping("/api/v1/alliances/{slug}/standards/published")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Record a standard the alliance published before the platform (number, title, scope, issuedOn, effectiveOn; reasons optional) as PUBLISHED; the final PDF goes to /document; 409 for a number taken")
	ResponseEntity<StandardView> recordPublished(@PathVariable String slug, @RequestBody Workflow.PublishedStandard body) {
		StandardView s = workflow.recordPublished(slug, body);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + s.id())).body(s);
	}

	@GetMapping("/api/v1/alliances/{slug}/standards")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's register of standards with their stages (the network's: every alliance's)")
	PageResult<StandardLine> register(@PathVariable String slug, @RequestParam(required = false) @Nullable StandardStage stage,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return workflow.register(slug, stage, Paging.of(page, size));
	}

	@GetMapping("/api/v1/standards/{id}")
	@PreAuthorize("@access.canRead('standard', #id)")
	@Operation(summary = "A standard with its drafts, comments and dispositions, reviews and whole history")
	StandardView get(@PathVariable long id) {
		return workflow.view(id);
	}

	@PostMapping("/api/v1/standards/{id}/motions")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Link a GROUP_STANDARD motion: the vote to start (PROPOSED) or to approve (VOTE; drafting units left out)")
	StandardView linkMotion(@PathVariable long id, @Valid @RequestBody Workflow.MotionLink body) {
		return workflow.linkMotion(id, body.motionId());
	}

	@PostMapping("/api/v1/standards/{id}/stage")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Move the standard on: COMMENT→REVIEW after the period, REVIEW→VOTE, back with a reason, AMENDED/REVISED/WITHDRAWN with a reason")
	StandardView stage(@PathVariable long id, @Valid @RequestBody Workflow.StageChange body) {
		return workflow.changeStage(id, body);
	}

	@PostMapping("/api/v1/standards/{id}/drafting-group")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Add a drafting unit (organizationId) or an expert (expertName, affiliation) to the drafting group")
	ResponseEntity<StandardView> addDrafter(@PathVariable long id, @Valid @RequestBody Workflow.NewDrafter body) {
		return ResponseEntity.status(201).body(workflow.addDrafter(id, body));
	}

	@PostMapping(path = "/api/v1/standards/{id}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("@access.canRead('standard', #id)")
	@Operation(summary = "A new version of the draft as text; the secretariat or a drafting unit's representative; answers the version")
	ResponseEntity<Workflow.DraftText> addDraft(@PathVariable long id, @Valid @RequestBody Workflow.NewDraft body) {
		Workflow.DraftText d = workflow.addDraft(id, body);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + id + "/drafts/" + d.version())).body(d);
	}

	@PostMapping(path = "/api/v1/standards/{id}/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canRead('standard', #id)")
	@Operation(summary = "A new version of the draft as a file (a plain-text file is compared too); answers the version")
	ResponseEntity<Workflow.DraftText> addDraftFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String note) {
		try {
			Workflow.DraftText d = workflow.addDraftFile(id, file.getOriginalFilename(), file.getSize(), file.getInputStream(), note);
			return ResponseEntity.created(URI.create("/api/v1/standards/" + id + "/drafts/" + d.version())).body(d);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/standards/{id}/drafts/{v}")
	@PreAuthorize("@access.canRead('standard', #id)")
	Workflow.DraftText draft(@PathVariable long id, @PathVariable int v) {
		return workflow.draft(id, v);
	}

	@GetMapping("/api/v1/standards/{id}/drafts/{v}/file")
	@PreAuthorize("@access.canRead('standard', #id)")
	ResponseEntity<Resource> draftFile(@PathVariable long id, @PathVariable int v) {
		return send(workflow.draftFile(id, v));
	}

	@GetMapping("/api/v1/standards/{id}/drafts/{v}/diff")
	@PreAuthorize("@access.canRead('standard', #id)")
	@Operation(summary = "What changed from version `against` to version v, paragraph by paragraph, changed characters marked")
	DraftDiff diff(@PathVariable long id, @PathVariable int v, @RequestParam int against) {
		return workflow.diff(id, v, against);
	}

	@PostMapping("/api/v1/standards/{id}/comment-period")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Open the public comment period (from, to: at least the minimum number of days); DRAFTING → COMMENT")
	StandardView commentPeriod(@PathVariable long id, @Valid @RequestBody Workflow.CommentPeriod body) {
		return workflow.openCommentPeriod(id, body);
	}

	@PostMapping("/api/v1/standards/{id}/comments")
	@PreAuthorize("@access.canRead('standard', #id)")
	@Operation(summary = "Anyone comments on a clause during the comment period (name, organization, contact); rate-limited per address")
	ResponseEntity<StandardView.PublicComment> comment(@PathVariable long id, @Valid @RequestBody Workflow.NewComment body,
			HttpServletRequest request) {
		throttle.take(request.getRemoteAddr());
		StandardView.PublicComment c = workflow.comment(id, body);
		return ResponseEntity.created(URI.create("/api/v1/comments/" + c.id())).body(c);
	}

	@PostMapping("/api/v1/comments/{id}/disposition")
	@PreAuthorize("@access.canManage('standard-comment', #id)")
	@Operation(summary = "The disposition of a comment: ACCEPTED, PARTLY_ACCEPTED or NOT_ACCEPTED (the last two with a reason)")
	StandardView.PublicComment dispose(@PathVariable long id, @Valid @RequestBody Workflow.DispositionInput body) {
		return workflow.dispose(id, body);
	}

	@PostMapping("/api/v1/standards/{id}/reviews")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "An expert's review conclusion, in REVIEW")
	ResponseEntity<StandardView> review(@PathVariable long id, @Valid @RequestBody Workflow.NewReview body) {
		return ResponseEntity.status(201).body(workflow.review(id, body));
	}

	@PostMapping(path = "/api/v1/standards/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Upload the final text (PDF), in VOTE or after publication")
	StandardView uploadFinal(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		try {
			return workflow.uploadFinal(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/standards/{id}/document")
	@PreAuthorize("@access.canRead('standard', #id)")
	ResponseEntity<Resource> finalDocument(@PathVariable long id) {
		return send(workflow.finalFile(id));
	}

	@PostMapping("/api/v1/standards/{id}/publish")
	@PreAuthorize("@access.canManage('standard', #id)")
	@Operation(summary = "Publish (number, issuedOn, effectiveOn); 409 unless the approval vote was adopted, every comment has a disposition and the final PDF is there")
	StandardView publish(@PathVariable long id, @Valid @RequestBody Workflow.StandardPublication body) {
		return workflow.publish(id, body);
	}

	private static ResponseEntity<Resource> send(Workflow.StoredFile f) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.file().filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(f.file().sizeBytes())
			.body(new FileSystemResource(f.path()));
	}
}
