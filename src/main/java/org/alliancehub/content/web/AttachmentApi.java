package org.alliancehub.content.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.content.Attachment;
import org.alliancehub.content.Attachments;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading files to articles (secretariat) and downloading them (whoever may read the article). */
@RestController
@Tag(name = "attachments")
class AttachmentApi {

	private final Attachments attachments;

	AttachmentApi(Attachments attachments) {
		this.attachments = attachments;
	}

	@PreAuthorize("@access.canManage('article', #id)")
	@PostMapping(path = "/api/v1/articles/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Attachment> upload(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		try {
			Attachment a = attachments.attach(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
			return ResponseEntity.created(URI.create(a.url())).body(a);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PreAuthorize("@access.canManage('attachment', #id)")
	@DeleteMapping("/api/v1/attachments/{id}")
	ResponseEntity<Void> remove(@PathVariable long id) {
		attachments.remove(id);
		return ResponseEntity.noContent().build();
	}

	@PreAuthorize("@access.canRead('attachment', #id)")
	@GetMapping("/files/{id}")
	ResponseEntity<Resource> download(@PathVariable long id) {
		Attachments.StoredFile f = attachments.open(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.attachment().filename(), StandardCharsets.UTF_8).build().toString())
			.contentLength(f.attachment().sizeBytes())
			.body(new FileSystemResource(f.path()));
	}
}
