package org.alliancehub.membership.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import org.alliancehub.membership.Admissions;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.OrganizationPatch;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations")
class OrganizationApi {

	private final Organizations organizations;

	private final Admissions admissions;

	OrganizationApi(Organizations organizations, Admissions admissions) {
		this.organizations = organizations;
		this.admissions = admissions;
	}

	@GetMapping
	@PreAuthorize("permitAll()")
	PageResult<Organization> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganizationType type,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return organizations.list(q, type, region, Paging.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("permitAll()")
	Organization get(@PathVariable long id) {
		return organizations.get(id);
	}

	@PostMapping
	@PreAuthorize("@access.canManageAny() and (#organization.alliance() == null or @access.canManage(#organization.alliance()))")
	@Operation(summary = "Register an organisation for an alliance: the one named in `alliance`, which a secretariat "
			+ "of several alliances must name; the network administrator may name none")
	ResponseEntity<Organization> create(@Valid @RequestBody NewOrganization organization) {
		Organization o = admissions.register(organization);
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + o.id())).body(o);
	}

	@PatchMapping("/{id}")
	@PreAuthorize("@access.canEditOrganization(#id)")
	Organization update(@PathVariable long id, @Valid @RequestBody OrganizationPatch patch) {
		return organizations.update(id, patch);
	}
}
