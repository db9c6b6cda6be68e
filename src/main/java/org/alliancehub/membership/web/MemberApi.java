package org.alliancehub.membership.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import org.alliancehub.membership.Admissions;
import org.alliancehub.membership.Invitation;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipPatch;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.NewMembership;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alliances/{slug}/members")
@Tag(name = "members")
class MemberApi {

	private final Alliances alliances;

	private final Memberships memberships;

	private final Admissions admissions;

	MemberApi(Alliances alliances, Memberships memberships, Admissions admissions) {
		this.alliances = alliances;
		this.memberships = memberships;
		this.admissions = admissions;
	}

	@GetMapping
	@PreAuthorize("permitAll()")
	PageResult<Member> list(@PathVariable String slug, @RequestParam(required = false) @Nullable MembershipRole role,
			@RequestParam(required = false) @Nullable MembershipStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return memberships.members(alliances.get(slug).id(), role, status, Paging.of(page, size));
	}

	@PostMapping
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Take an organisation in: 201 with the membership when this alliance registered it and "
			+ "nobody represents it yet (or the caller acts for it); otherwise 202 with an invitation that the "
			+ "organisation accepts or declines (POST /api/v1/organizations/{id}/invitations/{invitationId}/accept)")
	ResponseEntity<?> add(@PathVariable String slug, @Valid @RequestBody NewMembership membership) {
		Alliance a = alliances.get(slug);
		Admissions.Admission admission = admissions.add(a.id(), membership);
		Member m = admission.member();
		if (m != null) {
			return ResponseEntity.created(URI.create("/api/v1/alliances/" + slug + "/members/" + m.organizationId()))
				.body(m);
		}
		Invitation i = java.util.Objects.requireNonNull(admission.invitation());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/organizations/" + i.organizationId() + "/invitations/" + i.id()))
			.body(i);
	}

	@GetMapping("/{organizationId}")
	@PreAuthorize("permitAll()")
	Member get(@PathVariable String slug, @PathVariable long organizationId) {
		return memberships.get(alliances.get(slug).id(), organizationId);
	}

	@PatchMapping("/{organizationId}")
	@PreAuthorize("@access.canManage(#slug)")
	Member update(@PathVariable String slug, @PathVariable long organizationId,
			@Valid @RequestBody MembershipPatch patch) {
		return memberships.update(alliances.get(slug).id(), organizationId, patch);
	}

	@DeleteMapping("/{organizationId}")
	@PreAuthorize("@access.canManage(#slug)")
	Member withdraw(@PathVariable String slug, @PathVariable long organizationId) {
		return memberships.withdraw(alliances.get(slug).id(), organizationId);
	}
}
