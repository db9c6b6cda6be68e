package org.alliancehub.governance.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.governance.internal.Proxies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Written proxies (委托书) at a meeting, as the secretariat records them. */
@RestController
@Tag(name = "governance")
class ProxyApi {

	private final Proxies proxies;

	ProxyApi(Proxies proxies) {
		this.proxies = proxies;
	}

	@PostMapping("/api/v1/meetings/{id}/proxies")
	@PreAuthorize("@access.canManage('meeting', #id)")
	@Operation(summary = "Record that one voting participant gives its vote at this meeting to another (secretariat); "
			+ "the holder's representative votes for it by naming its organizationId")
	ResponseEntity<Proxies.Proxy> record(@PathVariable long id, @Valid @RequestBody Proxies.NewProxy proxy) {
		Proxies.Proxy p = proxies.record(id, proxy);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/proxies/" + p.fromOrganizationId()))
			.body(p);
	}

	@GetMapping("/api/v1/meetings/{id}/proxies")
	@PreAuthorize("@access.canRead('meeting', #id)")
	@Operation(summary = "The meeting's proxies, for its secretariat and the representatives of its participants")
	List<Proxies.Proxy> list(@PathVariable long id) {
		return proxies.visible(id);
	}

	@DeleteMapping("/api/v1/meetings/{id}/proxies/{fromOrganizationId}")
	@PreAuthorize("@access.canManage('meeting', #id)")
	@Operation(summary = "Withdraw a proxy (secretariat); votes already cast with it stay")
	ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long fromOrganizationId) {
		proxies.withdraw(id, fromOrganizationId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/meetings/{id}/proxies/{fromOrganizationId}/letter", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canManage('meeting', #id)")
	@Operation(summary = "Keep the signed proxy letter (PDF, picture, office document) with a recorded proxy (secretariat)")
	Proxies.Proxy attachLetter(@PathVariable long id, @PathVariable long fromOrganizationId,
			@RequestParam("file") MultipartFile file) throws java.io.IOException {
		return proxies.attachLetter(id, fromOrganizationId, file.getOriginalFilename(), file.getSize(),
				file.getInputStream());
	}

	@GetMapping("/api/v1/meetings/{id}/proxies/{fromOrganizationId}/letter")
	@PreAuthorize("@access.canRead('meeting', #id)")
	@Operation(summary = "Download the signed proxy letter; the secretariat and the meeting's participants")
	ResponseEntity<Resource> letter(@PathVariable long id, @PathVariable long fromOrganizationId) {
		Proxies.Letter l = proxies.letter(id, fromOrganizationId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(l.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(l.filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(l.sizeBytes())
			.body(new FileSystemResource(l.path()));
	}
}
