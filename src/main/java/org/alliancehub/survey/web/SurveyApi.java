package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.survey.NewSurvey;
import org.alliancehub.survey.Recipient;
import org.alliancehub.survey.ResponseRevision;
import org.alliancehub.survey.ResponseView;
import org.alliancehub.survey.Responses;
import org.alliancehub.survey.internal.SurveyFiles;
import org.alliancehub.survey.internal.SurveyReminders;
import org.alliancehub.survey.internal.SurveyPatch;
import org.alliancehub.survey.SurveySummary;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Surveys, their answers, reminders and spreadsheets, as other systems and the survey pages call them. */
@RestController
@Tag(name = "surveys")
class SurveyApi {

	/** A published survey's recipients' representatives read it; a draft is the secretariat's (404 to anyone else). */
	static final String READ = "@access.canRead('survey', #id)";

	/** Answering (for an organisation the caller acts for: checked by {@link Responses}) needs credentials first. */
	static final String ANSWER = "isAuthenticated() and @access.canRead('survey', #id)";

	/** The survey's secretariat; 403 to a recipient, 404 to whoever may not read the survey, 401 without credentials. */
	static final String MANAGE = "isAuthenticated() and @access.canManage('survey', #id)";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Surveys surveys;

	private final Responses responses;

	private final SurveyReminders reminders;

	private final SurveyFiles files;

	SurveyApi(Surveys surveys, Responses responses, SurveyReminders reminders, SurveyFiles files) {
		this.surveys = surveys;
		this.responses = responses;
		this.reminders = reminders;
		this.files = files;
	}

	record AnswerRequest(@Nullable Map<String, Object> values, @Nullable Boolean submit, @Nullable Long version) {
	}

	record ReopenRequest(@Nullable String reason) {
	}

	record CopyRequest(@Nullable String title, @Nullable String period, @Nullable OffsetDateTime deadline) {
	}

	@PostMapping("/api/v1/alliances/{slug}/surveys")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Build a survey (a draft): typed fields, rules across fields, deadline and audience; or copy last period's with copiedFrom")
	ResponseEntity<SurveyView> create(@PathVariable String slug, @RequestBody NewSurvey survey) {
		SurveyView s = surveys.create(slug, survey);
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + s.id())).body(s);
	}

	@GetMapping("/api/v1/alliances/{slug}/surveys")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The alliance's surveys: all for its secretariat, those asking their organisation for members")
	PageResult<SurveySummary> list(@PathVariable String slug, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return surveys.list(slug, Paging.of(page, size));
	}

	@GetMapping("/api/v1/surveys/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A survey with its fields, rules and response rate")
	SurveyView get(@PathVariable long id) {
		return surveys.get(id);
	}

	@PatchMapping("/api/v1/surveys/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Change a draft survey (secretariat): the fields given, checked as on creation; fields and rules replace the lists; a stale version or a published survey answers 409")
	SurveyView update(@PathVariable long id, @RequestBody SurveyPatch patch) {
		return surveys.update(id, patch);
	}

	@DeleteMapping("/api/v1/surveys/{id}")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Delete a draft survey (secretariat); a published or closed one answers 409")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
		surveys.delete(id, version);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/surveys/{id}/copies")
	@PreAuthorize(MANAGE)
	@Operation(summary = "A new draft survey for another period with this one's fields, rules and audience")
	ResponseEntity<SurveyView> copy(@PathVariable long id, @RequestBody CopyRequest request) {
		SurveyView s = surveys.copy(id, request.title() != null ? request.title() : surveys.get(id).title(),
				request.period(), request.deadline());
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + s.id())).body(s);
	}

	@PostMapping("/api/v1/surveys/{id}/publish")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Ask the audience: fixes the recipients")
	SurveyView publish(@PathVariable long id) {
		return surveys.publish(id);
	}

	@PostMapping("/api/v1/surveys/{id}/close")
	@PreAuthorize(MANAGE)
	SurveyView close(@PathVariable long id) {
		return surveys.close(id);
	}

	@GetMapping("/api/v1/surveys/{id}/recipients")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Who is asked and where each answer stands (secretariat)")
	List<Recipient> recipients(@PathVariable long id) {
		return surveys.recipients(id);
	}

	@PostMapping("/api/v1/surveys/{id}/reminders")
	@PreAuthorize(MANAGE)
	@Operation(summary = "E-mail the representatives of every recipient that has not submitted")
	SurveyReminders.Sent remind(@PathVariable long id) {
		return reminders.remind(id);
	}

	@PutMapping("/api/v1/surveys/{id}/responses/{organizationId}")
	@PreAuthorize(ANSWER)
	@Operation(summary = "Save an organisation's answer as a draft, or submit it (submit: true)")
	ResponseEntity<ResponseView> answer(@PathVariable long id, @PathVariable long organizationId,
			@RequestBody AnswerRequest request) {
		Responses.Saved saved = responses.save(id, organizationId, request.values() == null ? Map.of() : request.values(),
				Boolean.TRUE.equals(request.submit()), request.version());
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/surveys/" + id + "/responses/" + organizationId))
			.body(saved.response());
	}

	@GetMapping("/api/v1/surveys/{id}/responses/{organizationId}")
	@PreAuthorize(READ)
	ResponseView response(@PathVariable long id, @PathVariable long organizationId) {
		return responses.get(id, organizationId);
	}

	@GetMapping("/api/v1/surveys/{id}/responses/{organizationId}/revisions")
	@PreAuthorize(READ)
	@Operation(summary = "Every version of an answer, newest first")
	List<ResponseRevision> revisions(@PathVariable long id, @PathVariable long organizationId) {
		return responses.revisions(id, organizationId);
	}

	@PostMapping("/api/v1/surveys/{id}/responses/{organizationId}/reopen")
	@PreAuthorize(MANAGE)
	@Operation(summary = "Hand a submitted answer back to be corrected, with the reason (secretariat)")
	ResponseView reopen(@PathVariable long id, @PathVariable long organizationId, @RequestBody ReopenRequest request) {
		return responses.reopen(id, organizationId, request.reason());
	}

	@PostMapping(path = "/api/v1/surveys/{id}/responses/{organizationId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ANSWER)
	@Operation(summary = "Upload a file for a FILE field; the answer then names it by id")
	ResponseEntity<SurveyFiles.SurveyFile> upload(@PathVariable long id, @PathVariable long organizationId,
			@RequestParam("file") MultipartFile file) {
		try {
			SurveyFiles.SurveyFile f = files.upload(id, organizationId, file.getOriginalFilename() == null ? "file"
					: file.getOriginalFilename(), file.getSize(), file.getInputStream());
			return ResponseEntity.created(URI.create(f.url())).body(f);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/survey-files/{fileId}")
	@PreAuthorize("@access.canRead('survey-file', #fileId)")
	ResponseEntity<Resource> file(@PathVariable long fileId) {
		SurveyFiles.Stored f = files.open(fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.file().filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(f.file().sizeBytes())
			.body(new FileSystemResource(f.path()));
	}

	@GetMapping("/api/v1/surveys/{id}/template.xlsx")
	@PreAuthorize(READ)
	@Operation(summary = "The survey as an .xlsx template with a row per organisation the caller answers for")
	ResponseEntity<byte[]> template(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("survey-" + id + ".xlsx")
				.build()
				.toString())
			.body(responses.template(id));
	}

	@PostMapping(path = "/api/v1/surveys/{id}/responses.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ANSWER)
	@Operation(summary = "Answers for many organisations from the filled template: every row is checked, all or nothing")
	Responses.Imported importAnswers(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean submit) {
		if (file.isEmpty()) {
			throw Invalid.field("file", "the file is empty");
		}
		try {
			return responses.upload(id, file.getInputStream(), submit);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
