package org.alliancehub.collaboration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.collaboration.AgreementView;
import org.alliancehub.collaboration.Agreements;
import org.alliancehub.collaboration.BaseView;
import org.alliancehub.collaboration.Bases;
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

/** Strategic cooperation agreements and the demonstration bases they set up. */
@RestController
@Tag(name = "collaboration: agreements and bases")
class AgreementApi {

	private final Agreements agreements;

	private final Bases bases;

	AgreementApi(Agreements agreements, Bases bases) {
		this.agreements = agreements;
		this.bases = bases;
	}

	@PostMapping("/api/v1/alliances/{slug}/agreements")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Record a signed agreement with its parties (organisations, alliances, outside bodies)")
	ResponseEntity<AgreementView> record(@PathVariable String slug, @Valid @RequestBody Agreements.NewAgreement a) {
		AgreementView made = agreements.record(slug, a);
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/alliances/{slug}/agreements")
	@PreAuthorize("permitAll()")
	PageResult<AgreementView> register(@PathVariable String slug, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return agreements.register(slug, Paging.of(page, size));
	}

	@GetMapping("/api/v1/agreements")
	@PreAuthorize("permitAll()")
	PageResult<AgreementView> networkRegister(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return agreements.register(null, Paging.of(page, size));
	}

	@GetMapping("/api/v1/agreements/{id}")
	@PreAuthorize("@access.canRead('agreement', #id)")
	AgreementView get(@PathVariable long id) {
		return agreements.get(id);
	}

	@PatchMapping("/api/v1/agreements/{id}")
	@PreAuthorize("@access.canManage('agreement', #id)")
	@Operation(summary = "Change an agreement, e.g. record what came of it")
	AgreementView update(@PathVariable long id, @Valid @RequestBody Agreements.AgreementPatch patch) {
		return agreements.update(id, patch);
	}

	@PostMapping(path = "/api/v1/agreements/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canManage('agreement', #id)")
	@Operation(summary = "Attach the signed document")
	AgreementView attach(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		try {
			return agreements.attach(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/agreements/{id}/document")
	@PreAuthorize("@access.canRead('agreement', #id)")
	ResponseEntity<Resource> document(@PathVariable long id) {
		Agreements.StoredDocument d = agreements.document(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.document().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.document().filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(d.document().sizeBytes())
			.body(new FileSystemResource(d.path()));
	}

	@PostMapping("/api/v1/alliances/{slug}/bases")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Register a demonstration base: host organisation, region (GB/T 2260 code), focus, agreement")
	ResponseEntity<BaseView> createBase(@PathVariable String slug, @Valid @RequestBody Bases.NewBase b) {
		BaseView made = bases.create(slug, b);
		return ResponseEntity.created(URI.create("/api/v1/bases/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/alliances/{slug}/bases")
	@PreAuthorize("permitAll()")
	PageResult<BaseView> bases(@PathVariable String slug, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return bases.register(slug, Paging.of(page, size));
	}

	@GetMapping("/api/v1/bases")
	@PreAuthorize("permitAll()")
	PageResult<BaseView> networkBases(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return bases.register(null, Paging.of(page, size));
	}

	@GetMapping("/api/v1/bases/{id}")
	@PreAuthorize("@access.canRead('base', #id)")
	BaseView base(@PathVariable long id) {
		return bases.get(id);
	}

	@PatchMapping("/api/v1/bases/{id}")
	@PreAuthorize("@access.canManage('base', #id)")
	BaseView updateBase(@PathVariable long id, @Valid @RequestBody Bases.BasePatch patch) {
		return bases.update(id, patch);
	}
}
