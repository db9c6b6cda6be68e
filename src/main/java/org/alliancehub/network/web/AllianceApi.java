package org.alliancehub.network.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.AllianceKind;
import org.alliancehub.network.AlliancePatch;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.Contact;
import org.alliancehub.network.MemberDirectory;
import org.alliancehub.network.MemberDirectory.GovernanceSeat;
import org.alliancehub.network.NewAlliance;
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
@RequestMapping("/api/v1/alliances")
@Tag(name = "alliances")
class AllianceApi {

	private final Alliances alliances;

	private final MemberDirectory members;

	AllianceApi(Alliances alliances, MemberDirectory members) {
		this.alliances = alliances;
		this.members = members;
	}

	record AllianceResponse(long id, String slug, AllianceKind kind, String name, @Nullable String shortName,
			@Nullable String industry, @Nullable LocalDate foundedOn, @Nullable String region,
			@Nullable String description, @Nullable String about, Contact contact, @Nullable String icp,
			long memberCount, List<GovernanceSeat> governance, long version, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {
	}

	record AllianceItem(long id, String slug, String name, @Nullable String shortName, @Nullable String industry,
			@Nullable LocalDate foundedOn, @Nullable String region) {
	}

	@PreAuthorize("permitAll()")
	@GetMapping
	PageResult<AllianceItem> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageResult<Alliance> found = alliances.page(Paging.of(page, size));
		List<AllianceItem> items = found.items()
			.stream()
			.map(a -> new AllianceItem(a.id(), a.slug(), a.name(), a.shortName(), a.industry(), a.foundedOn(),
					a.region()))
			.toList();
		return new PageResult<>(items, found.page(), found.size(), found.total());
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/{slug}")
	AllianceResponse get(@PathVariable String slug) {
		return response(alliances.get(slug));
	}

	@PostMapping
	@PreAuthorize("@access.isNetworkAdmin()")
	ResponseEntity<AllianceResponse> create(@Valid @RequestBody NewAlliance alliance) {
		Alliance a = alliances.create(alliance);
		return ResponseEntity.created(URI.create("/api/v1/alliances/" + a.slug())).body(response(a));
	}

	@PatchMapping("/{slug}")
	@PreAuthorize("@access.canManage(#slug)")
	AllianceResponse update(@PathVariable String slug, @Valid @RequestBody AlliancePatch patch) {
		return response(alliances.update(slug, patch));
	}

	private AllianceResponse response(Alliance a) {
		return new AllianceResponse(a.id(), a.slug(), a.kind(), a.name(), a.shortName(), a.industry(), a.foundedOn(),
				a.region(), a.description(), a.about(), a.contact(), a.icp(), members.activeMemberCount(a.id()),
				members.governance(a.id()), a.version(), a.createdAt(), a.updatedAt());
	}
}
