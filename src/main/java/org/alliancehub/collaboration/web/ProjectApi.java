package org.alliancehub.collaboration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.ProjectSummary;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Joint projects: proposed by a secretariat, joined by organisations that accept, worked through milestones. */
@RestController
@Tag(name = "collaboration: projects")
class ProjectApi {

	private final Projects projects;

	ProjectApi(Projects projects) {
		this.projects = projects;
	}

	record NewParticipant(@NotNull Long organizationId) {
	}

	@PostMapping("/api/v1/alliances/{slug}/projects")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Propose a joint project of the alliance (of the network: a network project with other alliances)")
	ResponseEntity<ProjectView> propose(@PathVariable String slug, @Valid @RequestBody Projects.NewProject project) {
		ProjectView p = projects.propose(slug, project);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
	}

	@GetMapping("/api/v1/alliances/{slug}/projects")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's project register (the network's: every alliance's), only what the caller may read")
	PageResult<ProjectSummary> register(@PathVariable String slug, @RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return projects.register(slug, new Projects.Filter(status, field, q), Paging.of(page, size));
	}

	@GetMapping("/api/v1/projects")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The network's project register, only what the caller may read")
	PageResult<ProjectSummary> networkRegister(@RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return projects.register(null, new Projects.Filter(status, field, q), Paging.of(page, size));
	}

	@GetMapping("/api/v1/projects/{id}")
	@PreAuthorize("@access.canRead('project', #id)")
	ProjectView get(@PathVariable long id) {
		return projects.get(id);
	}

	@PatchMapping("/api/v1/projects/{id}")
	@PreAuthorize("@access.canManage('project', #id)")
	@Operation(summary = "Change a project; status PROPOSED → ACTIVE → COMPLETED, or CANCELLED (else 409); stale version 409")
	ProjectView update(@PathVariable long id, @Valid @RequestBody Projects.ProjectPatch patch) {
		return projects.update(id, patch);
	}

	@PostMapping("/api/v1/projects/{id}/participants")
	@PreAuthorize("@access.canManage('project', #id)")
	@Operation(summary = "Invite an organisation of any alliance; it takes part once its representative accepts")
	ResponseEntity<ProjectView.Participant> invite(@PathVariable long id, @Valid @RequestBody NewParticipant body) {
		ProjectView.Participant p = projects.invite(id, body.organizationId());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(p);
	}

	@PostMapping("/api/v1/projects/{id}/participants/{organizationId}/accept")
	@PreAuthorize("@access.canRead('project', #id) and @access.canActFor(#organizationId)")
	@Operation(summary = "The invited organisation's representative accepts: from now on it takes part")
	ProjectView.Participant accept(@PathVariable long id, @PathVariable long organizationId) {
		return projects.answer(id, organizationId, true);
	}

	@PostMapping("/api/v1/projects/{id}/participants/{organizationId}/decline")
	@PreAuthorize("@access.canRead('project', #id) and @access.canActFor(#organizationId)")
	ProjectView.Participant decline(@PathVariable long id, @PathVariable long organizationId) {
		return projects.answer(id, organizationId, false);
	}

	@PostMapping("/api/v1/projects/{id}/milestones")
	@PreAuthorize("@access.canManage('project', #id)")
	@Operation(summary = "Add a milestone to a work package")
	ResponseEntity<ProjectView.Milestone> addMilestone(@PathVariable long id, @Valid @RequestBody Projects.NewMilestone m) {
		ProjectView.Milestone made = projects.addMilestone(id, m);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(made);
	}

	@PatchMapping("/api/v1/projects/{id}/milestones/{milestoneId}")
	@PreAuthorize("@access.canManage('project', #id)")
	ProjectView.Milestone updateMilestone(@PathVariable long id, @PathVariable long milestoneId,
			@Valid @RequestBody Projects.MilestonePatch m) {
		return projects.updateMilestone(id, milestoneId, m);
	}

	@PostMapping(path = "/api/v1/projects/{id}/milestones/{milestoneId}/deliverable", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canRead('project', #id)")
	@Operation(summary = "Upload a milestone's deliverable; the secretariat or a representative of an organisation taking part")
	ProjectView.Milestone deliver(@PathVariable long id, @PathVariable long milestoneId, @RequestParam("file") MultipartFile file) {
		try {
			return projects.deliver(id, milestoneId, file.getOriginalFilename(), file.getSize(), file.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/projects/{id}/milestones/{milestoneId}/deliverable")
	@PreAuthorize("@access.canRead('project', #id)")
	ResponseEntity<Resource> deliverable(@PathVariable long id, @PathVariable long milestoneId) {
		Projects.StoredFile f = projects.deliverable(id, milestoneId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.file().filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(f.file().sizeBytes())
			.body(new FileSystemResource(f.path()));
	}

	@PostMapping("/api/v1/projects/{id}/milestones/{milestoneId}/reports")
	@PreAuthorize("@access.canRead('project', #id)")
	@Operation(summary = "A progress report on a milestone; the secretariat or a representative of an organisation taking part")
	ResponseEntity<ProjectView.Milestone> report(@PathVariable long id, @PathVariable long milestoneId,
			@Valid @RequestBody Projects.NewReport r) {
		return ResponseEntity.status(201).body(projects.report(id, milestoneId, r));
	}
}
