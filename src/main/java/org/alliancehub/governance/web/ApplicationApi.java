package org.alliancehub.governance.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Application;
import org.alliancehub.membership.Applications;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Applications to join an alliance, or an alliance's application to join the network. */
@RestController
@Tag(name = "applications")
class ApplicationApi {

	private final Alliances alliances;

	private final Applications applications;

	private final Access access;

	ApplicationApi(Alliances alliances, Applications applications, Access access) {
		this.alliances = alliances;
		this.applications = applications;
		this.access = access;
	}

	record ApplicationRequest(@NotNull @Positive Long organizationId, @Nullable MembershipRole role,
			@Size(max = 5000) @Nullable String statement) {
	}

	@PostMapping("/api/v1/alliances/{slug}/applications")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Application> apply(@PathVariable String slug, @Valid @RequestBody ApplicationRequest request) {
		long allianceId = alliances.get(slug).id();
		boolean mayAct;
		try {
			mayAct = access.canActFor(request.organizationId());
		}
		catch (NotFound e) {
			throw Invalid.field("organizationId", "no such organisation");
		}
		if (!mayAct) {
			throw new Forbidden("only the organisation's representative may apply for it");
		}
		Application a = applications.apply(allianceId, request.organizationId(), request.role(), request.statement());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + a.id())).body(a);
	}

	@GetMapping("/api/v1/alliances/{slug}/applications")
	@PreAuthorize("@access.canManage(#slug)")
	List<Application> list(@PathVariable String slug) {
		return applications.of(alliances.get(slug).id());
	}

	@PostMapping("/api/v1/applications/{id}/approve")
	@PreAuthorize("@access.canManage('application', #id)")
	Application approve(@PathVariable long id) {
		return applications.decide(id, true);
	}

	@PostMapping("/api/v1/applications/{id}/reject")
	@PreAuthorize("@access.canManage('application', #id)")
	Application reject(@PathVariable long id) {
		return applications.decide(id, false);
	}
}
