package org.alliancehub.collaboration.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.alliancehub.collaboration.Agreements;
import org.alliancehub.collaboration.Bases;
import org.alliancehub.collaboration.CollaborationTypes.MilestoneStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's collaboration desk in the back office (/admin/a/{slug}/collaboration): propose a project,
 * invite organisations, add milestones, move the status; see the alliance's agreements, bases and resources.
 * Every form posts to the same services the API uses.
 */
@Controller
class CollaborationDesk {

	private final Projects projects;

	private final Agreements agreements;

	private final Bases bases;

	private final SharedResources resources;

	private final Validator validator;

	CollaborationDesk(Projects projects, Agreements agreements, Bases bases,
			SharedResources resources, Validator validator) {
		this.projects = projects;
		this.agreements = agreements;
		this.bases = bases;
		this.resources = resources;
		this.validator = validator;
	}

	@GetMapping("/admin/a/{slug}/collaboration")
	@PreAuthorize("@access.canManage(#site.id())")
	String desk(Site site, @RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("error", error);
		model.addAttribute("projects", projects.ownedBy(site.id()));
		model.addAttribute("agreements", agreements.register(site.slug(), new Paging(0, 100)).items());
		model.addAttribute("bases", bases.register(site.slug(), new Paging(0, 100)).items());
		model.addAttribute("resources", resources.register(site.slug(), null, new Paging(0, 100)).items());
		return "collaboration/admin-desk";
	}

	@PostMapping("/admin/a/{slug}/collaboration/projects")
	@PreAuthorize("@access.canManage(#site.id())")
	String propose(Site site, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String leadOrganizationId, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "PUBLIC") ProjectVisibility visibility, @RequestParam(defaultValue = "") String summary,
			RedirectAttributes redirect) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		Long lead = number(leadOrganizationId, "leadOrganizationId", errors);
		try {
			Projects.NewProject p = valid(new Projects.NewProject(title, summary.isBlank() ? null : summary,
					field.isBlank() ? null : field, lead, null, null, visibility, null, null), errors);
			return "redirect:/admin/a/" + site.slug() + "/projects/" + projects.propose(site.slug(), p).id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
			return "redirect:/admin/a/" + site.slug() + "/collaboration";
		}
	}

	@GetMapping("/admin/a/{slug}/projects/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('project', #id)")
	String project(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String error,
			Model model) {
		model.addAttribute("project", projectOf(site, id));
		model.addAttribute("error", error);
		return "collaboration/admin-project";
	}

	@PostMapping("/admin/a/{slug}/projects/{id}/status")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('project', #id)")
	String status(Site site, @PathVariable long id, @RequestParam ProjectStatus status,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> projects.update(id, new Projects.ProjectPatch(null, null, null, null, null,
				status, null, null, null)));
	}

	@PostMapping("/admin/a/{slug}/projects/{id}/participants")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('project', #id)")
	String invite(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String organizationId,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long org = number(organizationId, "organizationId", errors);
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
			return projects.invite(id, org);
		});
	}

	@PostMapping("/admin/a/{slug}/projects/{id}/milestones")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('project', #id)")
	String milestone(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String workPackage,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String dueOn,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			LocalDate due = null;
			try {
				due = LocalDate.parse(dueOn);
			}
			catch (DateTimeParseException e) {
				errors.add(new Invalid.FieldError("dueOn", "YYYY-MM-DD"));
			}
			return projects.addMilestone(id, valid(new Projects.NewMilestone(workPackage, title, due, MilestoneStatus.PLANNED),
					errors));
		});
	}

	private String act(Site site, long id, RedirectAttributes redirect, Supplier<?> action) {
		projectOf(site, id);
		try {
			action.get();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
		}
		catch (Conflict | Forbidden e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/projects/" + id;
	}

	/** A project addressed under another alliance's path does not exist there. */
	private ProjectView projectOf(Site site, long id) {
		ProjectView p = projects.get(id);
		if (!p.alliance().equals(site.slug())) {
			throw new NotFound("project " + id);
		}
		return p;
	}

	private <T> T valid(T value, List<Invalid.FieldError> errors) {
		for (ConstraintViolation<T> v : validator.validate(value)) {
			errors.add(new Invalid.FieldError(v.getPropertyPath().toString(), v.getMessage()));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return value;
	}

	private static @Nullable Long number(String value, String field, List<Invalid.FieldError> errors) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}

	/** The fields an invalid form names, for the error line above the form. */
	static String describe(Invalid e) {
		return e.errors().stream().map(f -> f.field() + ": " + f.message()).reduce((x, y) -> x + "; " + y)
			.orElse(e.getMessage());
	}
}
