package org.alliancehub.collaboration.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.ResourceRequestView;
import org.alliancehub.collaboration.ResourceView;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shared resources, the requests for them and the owning organisation's decisions. */
@RestController
@Tag(name = "collaboration: shared resources")
class ResourceApi {

	private final SharedResources resources;

	ResourceApi(SharedResources resources) {
		this.resources = resources;
	}

	@PostMapping("/api/v1/alliances/{slug}/resources")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Offer a member organisation's resource (EXPERT, EQUIPMENT, FUND, TALENT): its representative or the alliance's secretariat")
	ResponseEntity<ResourceView> offer(@PathVariable String slug, @Valid @RequestBody SharedResources.NewResource r) {
		ResourceView made = resources.offer(slug, r);
		return ResponseEntity.created(URI.create("/api/v1/resources/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/alliances/{slug}/resources")
	@PreAuthorize("permitAll()")
	PageResult<ResourceView> register(@PathVariable String slug, @RequestParam(required = false) @Nullable ResourceKind kind,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return resources.register(slug, kind, Paging.of(page, size));
	}

	@GetMapping("/api/v1/resources")
	@PreAuthorize("permitAll()")
	PageResult<ResourceView> networkRegister(@RequestParam(required = false) @Nullable ResourceKind kind,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return resources.register(null, kind, Paging.of(page, size));
	}

	@GetMapping("/api/v1/resources/{id}")
	@PreAuthorize("@access.canRead('resource', #id)")
	@Operation(summary = "A resource; for equipment with its calendar of bookings")
	ResourceView get(@PathVariable long id) {
		return resources.get(id);
	}

	@PostMapping("/api/v1/resources/{id}/requests")
	@PreAuthorize("@access.canRead('resource', #id)")
	@Operation(summary = "Ask for a resource for a period and purpose in an organisation's name; overlapping equipment bookings 409")
	ResponseEntity<ResourceRequestView> request(@PathVariable long id, @Valid @RequestBody SharedResources.NewRequest r) {
		ResourceRequestView made = resources.request(id, r);
		return ResponseEntity.created(URI.create("/api/v1/resource-requests/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/resources/{id}/requests")
	@PreAuthorize("@access.canRead('resource', #id)")
	@Operation(summary = "Requests for a resource: all for its owner and the secretariat, one's own for others")
	List<ResourceRequestView> requests(@PathVariable long id) {
		return resources.requestsFor(id);
	}

	@GetMapping("/api/v1/resource-requests/{id}")
	@PreAuthorize("@access.canRead('resource-request', #id)")
	ResourceRequestView requestView(@PathVariable long id) {
		return resources.requestView(id);
	}

	@PostMapping("/api/v1/resource-requests/{id}/decision")
	@PreAuthorize("@access.canRead('resource-request', #id)")
	@Operation(summary = "The owning organisation approves or declines (with a reason); decided once, then 409")
	ResourceRequestView decide(@PathVariable long id, @Valid @RequestBody SharedResources.DecisionInput d) {
		return resources.decide(id, d);
	}
}
