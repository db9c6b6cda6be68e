package org.alliancehub.collaboration.web;

import org.alliancehub.collaboration.Agreements;
import org.alliancehub.collaboration.Bases;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.web.Related;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public registers on an alliance's site and on the network's (whose registers list every alliance's):
 * projects with filters, a project's page, agreements, demonstration bases and shared resources. Only what the
 * visitor may read is listed.
 */
@Controller
class CollaborationPages {

	private static final int PAGE_SIZE = 20;

	private final Projects projects;

	private final Agreements agreements;

	private final Bases bases;

	private final SharedResources resources;

	private final Related related;

	CollaborationPages(Projects projects, Agreements agreements, Bases bases, SharedResources resources,
			Related related) {
		this.projects = projects;
		this.agreements = agreements;
		this.bases = bases;
		this.resources = resources;
		this.related = related;
	}

	@GetMapping("/a/{slug}/projects")
	@PreAuthorize("permitAll()")
	String projects(Site site, @RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("field", field == null ? "" : field);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("fields", projects.fields());
		model.addAttribute("page", projects.register(site.slug(), new Projects.Filter(status, field, q),
				new Paging(Math.max(0, page), PAGE_SIZE)));
		return "collaboration/projects";
	}

	@GetMapping("/a/{slug}/projects/{id}")
	@PreAuthorize("@access.canRead('project', #id)")
	String project(Site site, @PathVariable long id, Model model) {
		ProjectView p = projects.get(id);
		if (!site.isNetwork() && !p.alliance().equals(site.slug()) && !p.alliances().contains(site.slug())) {
			throw new NotFound("project " + id);
		}
		model.addAttribute("project", p);
		model.addAttribute("related", related.of("project", id));
		return "collaboration/project";
	}

	@GetMapping("/a/{slug}/agreements")
	@PreAuthorize("permitAll()")
	String agreements(Site site, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", agreements.register(site.slug(), new Paging(Math.max(0, page), PAGE_SIZE)));
		return "collaboration/agreements";
	}

	@GetMapping("/a/{slug}/bases")
	@PreAuthorize("permitAll()")
	String bases(Site site, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", bases.register(site.slug(), new Paging(Math.max(0, page), PAGE_SIZE)));
		return "collaboration/bases";
	}

	@GetMapping("/a/{slug}/resources")
	@PreAuthorize("permitAll()")
	String resources(Site site, @RequestParam(required = false) @Nullable ResourceKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("page", resources.register(site.slug(), kind, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "collaboration/resources";
	}
}
