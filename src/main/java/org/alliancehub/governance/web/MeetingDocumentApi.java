package org.alliancehub.governance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.governance.internal.MeetingDocuments;
import org.alliancehub.governance.MeetingView;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents of a meeting's agenda items: attached by the secretariat, read by the participants. */
@RestController
@Tag(name = "governance")
class MeetingDocumentApi {

	private final MeetingDocuments documents;

	MeetingDocumentApi(MeetingDocuments documents) {
		this.documents = documents;
	}

	@PostMapping(path = "/api/v1/meetings/{id}/agenda/{position}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@access.canManage('meeting', #id)")
	@Operation(summary = "Attach a document (PDF, office file, picture) to an agenda item; the secretariat only")
	ResponseEntity<MeetingView.Document> attach(@PathVariable long id, @PathVariable int position,
			@RequestParam("file") MultipartFile file) {
		try {
			MeetingView.Document d = documents.attach(id, position, file.getOriginalFilename(), file.getSize(),
					file.getInputStream());
			return ResponseEntity.created(URI.create(d.url())).body(d);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/meetings/{id}/documents/{documentId}")
	@PreAuthorize("@access.canRead('meeting', #id)")
	@Operation(summary = "Download an agenda document; participants' representatives and the secretariat only")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long documentId) {
		MeetingDocuments.StoredDocument f = documents.open(id, documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.document().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(f.document().filename(), StandardCharsets.UTF_8)
				.build()
				.toString())
			.contentLength(f.document().sizeBytes())
			.body(new FileSystemResource(f.path()));
	}
}
