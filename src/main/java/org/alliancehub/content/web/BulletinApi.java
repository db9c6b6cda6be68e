package org.alliancehub.content.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Event;
import org.alliancehub.content.Link;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Briefings (简报), friendly links and events of an alliance. */
@RestController
@Tag(name = "briefings, links and events")
class BulletinApi {

	private final Alliances alliances;

	private final Bulletins bulletins;

	private final org.alliancehub.content.internal.BriefingPdf pdf;

	private final org.springframework.context.MessageSource messages;

	BulletinApi(Alliances alliances, Bulletins bulletins, org.alliancehub.content.internal.BriefingPdf pdf,
			org.springframework.context.MessageSource messages) {
		this.alliances = alliances;
		this.bulletins = bulletins;
		this.pdf = pdf;
		this.messages = messages;
	}

	@PutMapping("/api/v1/briefings/{id}/contents")
	@PreAuthorize("@access.canManage('briefing', #id)")
	@io.swagger.v3.oas.annotations.Operation(summary = "Compile the issue from chosen articles of its alliance "
			+ "(order, an editor's note per issue and per article) into its page")
	Briefing compile(@PathVariable long id, @Valid @RequestBody Bulletins.Compilation compilation) {
		return bulletins.compile(id, compilation);
	}

	@GetMapping("/api/v1/briefings/{id}.pdf")
	@PreAuthorize("@access.canRead('briefing', #id)")
	@io.swagger.v3.oas.annotations.Operation(summary = "The issue as a PDF, typeset in Chinese")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		Briefing b = bulletins.briefingById(id).orElseThrow(() -> new org.alliancehub.shared.NotFound("briefing " + id));
		Alliance a = alliances.get(b.allianceId());
		String label = messages.getMessage("briefing.issue", new Object[] { b.issueNumber() },
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"briefing-" + a.slug() + "-" + b.issueNumber() + ".pdf\"")
			.body(pdf.render(a, b, label));
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/alliances/{slug}/briefings")
	List<Briefing> briefings(@PathVariable String slug) {
		return bulletins.briefings(alliances.get(slug).id(), 1000);
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/alliances/{slug}/briefings/{issue}")
	Briefing briefing(@PathVariable String slug, @PathVariable int issue) {
		return bulletins.briefing(alliances.get(slug).id(), issue);
	}

	@PostMapping("/api/v1/alliances/{slug}/briefings")
	@PreAuthorize("@access.canManage(#slug)")
	ResponseEntity<Briefing> publish(@PathVariable String slug, @Valid @RequestBody Bulletins.NewBriefing briefing) {
		Briefing b = bulletins.publishBriefing(alliances.get(slug).id(), briefing);
		return ResponseEntity.created(URI.create("/api/v1/alliances/" + slug + "/briefings/" + b.issueNumber()))
			.body(b);
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/alliances/{slug}/links")
	List<Link> links(@PathVariable String slug) {
		return bulletins.links(alliances.get(slug).id());
	}

	@PostMapping("/api/v1/alliances/{slug}/links")
	@PreAuthorize("@access.canManage(#slug)")
	ResponseEntity<Link> addLink(@PathVariable String slug, @Valid @RequestBody Bulletins.NewLink link) {
		Link l = bulletins.addLink(alliances.get(slug).id(), link);
		return ResponseEntity.created(URI.create("/api/v1/links/" + l.id())).body(l);
	}

	@PreAuthorize("@access.canManage('link', #id)")
	@DeleteMapping("/api/v1/links/{id}")
	ResponseEntity<Void> removeLink(@PathVariable long id) {
		bulletins.removeLink(id);
		return ResponseEntity.noContent().build();
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/alliances/{slug}/events")
	List<Event> events(@PathVariable String slug) {
		return bulletins.events(alliances.get(slug).id(), 1000);
	}

	@PostMapping("/api/v1/alliances/{slug}/events")
	@PreAuthorize("@access.canManage(#slug)")
	ResponseEntity<Event> addEvent(@PathVariable String slug, @Valid @RequestBody Bulletins.NewEvent event) {
		Alliance a = alliances.get(slug);
		Event e = bulletins.addEvent(a.id(), event);
		return ResponseEntity.created(URI.create("/api/v1/alliances/" + slug + "/events")).body(e);
	}
}
