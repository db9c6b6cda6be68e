package org.alliancehub.membership.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.membership.Admissions;
import org.alliancehub.membership.Invitation;
import org.alliancehub.network.Alliances;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations to join an alliance, answered by the organisation: its representatives (or the network
 * administrator on its behalf) read, accept or decline them; the inviting secretariat reads what it sent.
 */
@RestController
@Tag(name = "invitations")
class InvitationApi {

	private final Admissions admissions;

	private final Alliances alliances;

	InvitationApi(Admissions admissions, Alliances alliances) {
		this.admissions = admissions;
		this.alliances = alliances;
	}

	@GetMapping("/api/v1/organizations/{id}/invitations")
	@PreAuthorize("@access.canActFor(#id)")
	List<Invitation> list(@PathVariable long id) {
		return admissions.of(id);
	}

	@GetMapping("/api/v1/organizations/{id}/invitations/{invitationId}")
	@PreAuthorize("@access.canActFor(#id) or @access.canManage(@admissions.allianceOf(#invitationId))")
	Invitation get(@PathVariable long id, @PathVariable long invitationId) {
		return admissions.get(id, invitationId);
	}

	@PostMapping("/api/v1/organizations/{id}/invitations/{invitationId}/accept")
	@PreAuthorize("@access.canActFor(#id)")
	@Operation(summary = "The organisation accepts: it becomes a member with the role and date the alliance asked")
	Invitation accept(@PathVariable long id, @PathVariable long invitationId) {
		return admissions.accept(id, invitationId);
	}

	@PostMapping("/api/v1/organizations/{id}/invitations/{invitationId}/decline")
	@PreAuthorize("@access.canActFor(#id)")
	Invitation decline(@PathVariable long id, @PathVariable long invitationId) {
		return admissions.decline(id, invitationId);
	}

	@GetMapping("/api/v1/alliances/{slug}/invitations")
	@PreAuthorize("@access.canManage(#slug)")
	List<Invitation> sent(@PathVariable String slug) {
		return admissions.sentBy(alliances.get(slug).id());
	}
}
