package org.alliancehub.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.alliancehub.governance.internal.Guests;
import org.alliancehub.governance.MeetingView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "governance")
class GuestApi {

	private final Guests guests;

	GuestApi(Guests guests) {
		this.guests = guests;
	}

	record GuestRequest(@NotNull @Positive Long organizationId) {
	}

	@PostMapping("/api/v1/meetings/{id}/guests")
	@PreAuthorize("@access.canManage('meeting', #id)")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a guest organisation; it attends as an observer (列席) and does not vote")
	MeetingView invite(@PathVariable long id, @Valid @RequestBody GuestRequest request) {
		return guests.invite(id, request.organizationId());
	}
}
