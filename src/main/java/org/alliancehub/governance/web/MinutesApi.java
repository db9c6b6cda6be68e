package org.alliancehub.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.MinutesDraft;
import org.alliancehub.governance.MinutesView;
import org.alliancehub.governance.ResolutionView;
import org.alliancehub.governance.Resolutions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's minutes and resolution: written, approved and published by its alliance's secretariat. */
@RestController
@Tag(name = "governance")
class MinutesApi {

	private final Minutes minutes;

	private final Resolutions resolutions;

	MinutesApi(Minutes minutes, Resolutions resolutions) {
		this.minutes = minutes;
		this.resolutions = resolutions;
	}

	/** The version the caller saw; optional, a stale one answers 409. */
	record Step(@PositiveOrZero @Nullable Long version) {
	}

	record ResolutionText(@NotBlank @Size(max = 50_000) String text, @NotNull @PositiveOrZero Long version) {
	}

	@GetMapping("/api/v1/meetings/{id}/minutes")
	@PreAuthorize("@access.canRead('minutes', #id)")
	@Operation(summary = "The minutes: any state for the secretariat; published ones for readers who may see them, else 404")
	MinutesView get(@PathVariable long id) {
		return minutes.get(id);
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PutMapping("/api/v1/meetings/{id}/minutes")
	@Operation(summary = "Write the minutes (sanitised HTML): version 0 or none creates them; a draft changes with the version read")
	MinutesView write(@PathVariable long id, @Valid @RequestBody MinutesDraft draft) {
		return minutes.write(id, draft);
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PostMapping("/api/v1/meetings/{id}/minutes/approve")
	@Operation(summary = "Approve draft minutes; who and when are recorded")
	MinutesView approve(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Step step) {
		return minutes.approve(id, step == null ? null : step.version());
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PostMapping("/api/v1/meetings/{id}/minutes/publish")
	@Operation(summary = "Publish approved minutes, with the resolution, on the alliance's site and in search")
	MinutesView publish(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Step step) {
		return minutes.publish(id, step == null ? null : step.version());
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PostMapping("/api/v1/meetings/{id}/minutes/reopen")
	@Operation(summary = "Take approved or published minutes back to draft; published ones leave the site")
	MinutesView reopen(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Step step) {
		return minutes.reopen(id, step == null ? null : step.version());
	}

	@GetMapping("/api/v1/meetings/{id}/resolution")
	@PreAuthorize("@access.canRead('minutes', #id)")
	@Operation(summary = "The resolution: the saved text, or for the secretariat a draft from the closed motions")
	ResolutionView resolution(@PathVariable long id) {
		return resolutions.get(id);
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PutMapping("/api/v1/meetings/{id}/resolution")
	@Operation(summary = "Edit the resolution until the minutes are published: version 0 the first time")
	ResolutionView editResolution(@PathVariable long id, @Valid @RequestBody ResolutionText text) {
		return resolutions.edit(id, text.text(), text.version());
	}

	@PreAuthorize("isAuthenticated() and @access.canManage('meeting', #id)")
	@PostMapping("/api/v1/meetings/{id}/resolution/draft")
	@Operation(summary = "Replace the resolution with a fresh draft from the closed motions")
	ResolutionView redraft(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Step step) {
		return resolutions.redraft(id, step == null ? null : step.version());
	}
}
