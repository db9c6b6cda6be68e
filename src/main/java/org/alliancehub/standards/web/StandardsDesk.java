package org.alliancehub.standards.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.alliancehub.standards.StandardStage;
import org.alliancehub.standards.StandardView;
import org.alliancehub.standards.StandardView.ReviewConclusion;
import org.alliancehub.standards.StandardView.CommentDisposition;
import org.alliancehub.standards.internal.Workflow;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's standards desk in the back office (/admin/a/{slug}/standards): propose a standard, then on its
 * own page each step of its way, a form each: link the vote to start, name the drafting group, add drafts, open
 * the comment period, record the dispositions, the expert reviews, move to the vote and link it, upload the final
 * PDF and publish; later amend, revise or withdraw. Every form posts to the same workflow the API uses; an
 * invalid form saves nothing and names its fields.
 */
@Controller
class StandardsDesk {

	private final Workflow workflow;

	private final Validator validator;

	StandardsDesk(Workflow workflow, Validator validator) {
		this.workflow = workflow;
		this.validator = validator;
	}

	@GetMapping("/admin/a/{slug}/standards")
	@PreAuthorize("@access.canManage(#site.id())")
	String desk(Site site, @RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("error", error);
		model.addAttribute("standards", workflow.ownedBy(site.id()));
		return "standards/admin-desk";
	}

	@PostMapping("/admin/a/{slug}/standards")
	@PreAuthorize("@access.canManage(#site.id())")
	String propose(Site site, @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String scope,
			@RequestParam(defaultValue = "") String reasons, @RequestParam(defaultValue = "") String proposingOrganizationIds,
			@RequestParam(defaultValue = "") String projectId, RedirectAttributes redirect) {
		try {
			List<Invalid.FieldError> errors = new ArrayList<>();
			List<Long> proposers = new ArrayList<>();
			for (String part : proposingOrganizationIds.split("[,，\\s]+")) {
				if (!part.isBlank()) {
					Long n = FormErrors.number(part, "proposingOrganizationIds", errors);
					if (n != null) {
						proposers.add(n);
					}
				}
			}
			Long project = projectId.isBlank() ? null : FormErrors.number(projectId, "projectId", errors);
			StandardView s = workflow.propose(site.slug(), FormErrors.valid(validator, new Workflow.NewStandard(title, scope, reasons, proposers, project), errors));
			return "redirect:/admin/a/" + site.slug() + "/standards/" + s.id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
		}
		return "redirect:/admin/a/" + site.slug() + "/standards";
	}

	/** Records a standard the alliance published before the platform, with its final PDF if one is given. */
	@PostMapping("/admin/a/{slug}/standards/published")
	@PreAuthorize("@access.canManage(#site.id())")
	String recordPublished(Site site, @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String reasons,
			@RequestParam(defaultValue = "") String issuedOn, @RequestParam(defaultValue = "") String effectiveOn,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		var p = new Workflow.PublishedStandard(number, title, scope, reasons, issuedOn, effectiveOn);
		try {
			StandardView s = file == null || file.isEmpty() ? workflow.recordPublished(site.slug(), p)
					: workflow.recordPublished(site.slug(), p, file.getOriginalFilename(), file.getSize(), file.getInputStream());
			return "redirect:/admin/a/" + site.slug() + "/standards/" + s.id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
		}
		catch (Conflict | UnsupportedType | TooLarge e) {
			redirect.addAttribute("error", e.getMessage());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "redirect:/admin/a/" + site.slug() + "/standards";
	}

	@GetMapping("/admin/a/{slug}/standards/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String standard(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String error, Model model) {
		StandardView s = standardOf(site, id);
		model.addAttribute("standard", s);
		model.addAttribute("error", error);
		model.addAttribute("nextStages", java.util.Arrays.stream(StandardStage.values()).filter(s.stage()::canBecome).toList());
		return "standards/admin-standard";
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/motion")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String motion(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String motionId, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long m = FormErrors.number(motionId, "motionId", errors);
			FormErrors.check(errors);
			workflow.linkMotion(id, m);
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/stage")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String stage(Site site, @PathVariable long id, @RequestParam StandardStage stage, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String amendmentNumber, @RequestParam(defaultValue = "") String amendedOn,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			java.time.LocalDate on;
			try {
				on = amendedOn.isBlank() ? null : java.time.LocalDate.parse(amendedOn.strip());
			}
			catch (java.time.format.DateTimeParseException e) {
				throw org.alliancehub.shared.Invalid.field("amendedOn", "a date (YYYY-MM-DD)");
			}
			workflow.changeStage(id, FormErrors.valid(validator,
					new Workflow.StageChange(stage, blank(reason), blank(amendmentNumber), on), new ArrayList<>()));
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/drafters")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String drafter(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String organizationId,
			@RequestParam(defaultValue = "") String expertName, @RequestParam(defaultValue = "") String affiliation,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long org = organizationId.isBlank() ? null : FormErrors.number(organizationId, "organizationId", errors);
			workflow.addDrafter(id, FormErrors.valid(validator, new Workflow.NewDrafter(org, blank(expertName), blank(affiliation)), errors));
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/drafts")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String draft(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> workflow.addDraft(id, FormErrors.valid(validator, new Workflow.NewDraft(text, blank(note)), new ArrayList<>())));
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/draft-file")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String draftFile(Site site, @PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			try {
				workflow.addDraftFile(id, file.getOriginalFilename(), file.getSize(), file.getInputStream(), blank(note));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/comment-period")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String commentPeriod(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			LocalDate f = date(from, "from", errors);
			LocalDate t = date(to, "to", errors);
			FormErrors.check(errors);
			workflow.openCommentPeriod(id, new Workflow.CommentPeriod(f, t));
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/comments/{commentId}/disposition")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard-comment', #commentId)")
	String disposition(Site site, @PathVariable long id, @PathVariable long commentId, @RequestParam CommentDisposition disposition,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			if (workflow.standardOfComment(commentId) != id) {
				throw new NotFound("comment " + commentId);
			}
			workflow.dispose(commentId, FormErrors.valid(validator, new Workflow.DispositionInput(disposition, blank(reason)), new ArrayList<>()));
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/reviews")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String review(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String reviewer,
			@RequestParam(defaultValue = "") String affiliation, @RequestParam ReviewConclusion conclusion,
			@RequestParam(defaultValue = "") String opinion, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> workflow.review(id,
				FormErrors.valid(validator, new Workflow.NewReview(reviewer, blank(affiliation), conclusion, blank(opinion)), new ArrayList<>())));
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/document")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String document(Site site, @PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			try {
				workflow.uploadFinal(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@PostMapping("/admin/a/{slug}/standards/{id}/publish")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('standard', #id)")
	String publish(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String issuedOn, @RequestParam(defaultValue = "") String effectiveOn,
			RedirectAttributes redirect) {
		return act(site, id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			LocalDate issued = date(issuedOn, "issuedOn", errors);
			LocalDate effective = date(effectiveOn, "effectiveOn", errors);
			workflow.publish(id, FormErrors.valid(validator, new Workflow.StandardPublication(number, issued, effective), errors));
		});
	}

	private String act(Site site, long id, RedirectAttributes redirect, Runnable action) {
		standardOf(site, id);
		try {
			action.run();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
		}
		catch (Conflict | Forbidden | TooLarge | UnsupportedType e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/standards/" + id;
	}

	/** A standard addressed under another alliance's path does not exist there. */
	private StandardView standardOf(Site site, long id) {
		StandardView s = workflow.view(id);
		if (!s.alliance().equals(site.slug())) {
			throw new NotFound("standard " + id);
		}
		return s;
	}

	private static @Nullable LocalDate date(String value, String field, List<Invalid.FieldError> errors) {
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
}
