package org.alliancehub.collaboration.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import org.alliancehub.collaboration.Agreements;
import org.alliancehub.collaboration.Bases;
import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.alliancehub.collaboration.CollaborationTypes.MilestoneStatus;
import org.alliancehub.collaboration.CollaborationTypes.PartyKind;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.web.FormErrors;
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
 * invite organisations, add milestones, move the status; record agreements with their parties, set up
 * demonstration bases and offer members' shared resources. An invalid form saves nothing and names its fields.
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
		Long lead = FormErrors.number(leadOrganizationId, "leadOrganizationId", errors);
		try {
			Projects.NewProject p = FormErrors.valid(validator, new Projects.NewProject(title, summary.isBlank() ? null : summary,
					field.isBlank() ? null : field, lead, null, null, visibility, null, null), errors);
			return "redirect:/admin/a/" + site.slug() + "/projects/" + projects.propose(site.slug(), p).id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
			return "redirect:/admin/a/" + site.slug() + "/collaboration";
		}
	}

	/**
	 * Records an agreement. Each party is a row of the form: its kind and one value, an organisation's number, an
	 * alliance's slug or an outside body's name; rows left empty are skipped.
	 */
	@PostMapping("/admin/a/{slug}/collaboration/agreements")
	@PreAuthorize("@access.canManage(#site.id())")
	String agreement(Site site, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String signedOn,
			@RequestParam(defaultValue = "") String signedPlace, @RequestParam(defaultValue = "") String outcomes,
			@RequestParam(defaultValue = "PUBLIC") Visibility visibility,
			@RequestParam(required = false) @Nullable List<String> partyKind,
			@RequestParam(required = false) @Nullable List<String> partyValue, RedirectAttributes redirect) {
		return onDesk(site, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			LocalDate signed = date(signedOn, "signedOn", errors);
			List<Agreements.PartyInput> parties = new ArrayList<>();
			List<String> kinds = partyKind == null ? List.of() : partyKind;
			List<String> values = partyValue == null ? List.of() : partyValue;
			for (int i = 0; i < values.size(); i++) {
				String value = values.get(i).strip();
				if (value.isEmpty()) {
					continue;
				}
				PartyKind kind;
				try {
					kind = PartyKind.valueOf(i < kinds.size() ? kinds.get(i) : "");
				}
				catch (IllegalArgumentException e) {
					errors.add(new Invalid.FieldError("parties[" + parties.size() + "].kind", "one of " + List.of(PartyKind.values())));
					continue;
				}
				switch (kind) {
					case ORGANIZATION -> parties.add(new Agreements.PartyInput(kind,
							FormErrors.number(value, "parties[" + parties.size() + "].organizationId", errors), null, null));
					case ALLIANCE -> parties.add(new Agreements.PartyInput(kind, null, value, null));
					case OUTSIDE_BODY -> parties.add(new Agreements.PartyInput(kind, null, null, value));
				}
			}
			Agreements.NewAgreement a = FormErrors.valid(validator, new Agreements.NewAgreement(title, blank(subject), signed, blank(signedPlace),
					blank(outcomes), visibility, parties), errors);
			agreements.record(site.slug(), a);
		});
	}

	@PostMapping("/admin/a/{slug}/collaboration/bases")
	@PreAuthorize("@access.canManage(#site.id())")
	String base(Site site, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String hostOrganizationId, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(defaultValue = "") String focus, @RequestParam(defaultValue = "") String agreementId,
			@RequestParam(defaultValue = "PLANNED") BaseStatus status, RedirectAttributes redirect) {
		return onDesk(site, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long host = FormErrors.number(hostOrganizationId, "hostOrganizationId", errors);
			Long agreement = agreementId.isBlank() ? null : FormErrors.number(agreementId, "agreementId", errors);
			bases.create(site.slug(), FormErrors.valid(validator, new Bases.NewBase(name, host, blank(regionCode), blank(focus), agreement, status),
					errors));
		});
	}

	@PostMapping("/admin/a/{slug}/collaboration/resources")
	@PreAuthorize("@access.canManage(#site.id())")
	String resource(Site site, @RequestParam(defaultValue = "EXPERT") ResourceKind kind,
			@RequestParam(defaultValue = "") String organizationId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String fields,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String location,
			@RequestParam(defaultValue = "") String capabilities, @RequestParam(defaultValue = "") String conditions,
			@RequestParam(defaultValue = "PUBLIC") Visibility visibility, RedirectAttributes redirect) {
		return onDesk(site, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long owner = FormErrors.number(organizationId, "organizationId", errors);
			resources.offer(site.slug(), FormErrors.valid(validator, new SharedResources.NewResource(kind, owner, name, blank(description),
					blank(fields), blank(title), blank(location), blank(capabilities), blank(conditions), visibility), errors));
		});
	}

	/** Runs a form of the desk: back to the desk, with the fields named when the input was invalid. */
	private String onDesk(Site site, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
		}
		catch (Conflict | Forbidden e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/collaboration";
	}

	private static @Nullable LocalDate date(String value, String field, List<Invalid.FieldError> errors) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new Invalid.FieldError(field, "YYYY-MM-DD"));
			return null;
		}
	}

	private static @Nullable String blank(String value) {
		return value.isBlank() ? null : value;
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
			Long org = FormErrors.number(organizationId, "organizationId", errors);
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
			return projects.addMilestone(id, FormErrors.valid(validator, new Projects.NewMilestone(workPackage, title, due, MilestoneStatus.PLANNED),
					errors));
		});
	}

	private String act(Site site, long id, RedirectAttributes redirect, Supplier<?> action) {
		projectOf(site, id);
		try {
			action.get();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
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
}
