package org.alliancehub.standards.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.alliancehub.collaboration.ProjectSummary;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.TooManyRequests;
import org.alliancehub.standards.StandardStage;
import org.alliancehub.standards.StandardView;
import org.alliancehub.standards.internal.CommentThrottle;
import org.alliancehub.standards.internal.Workflow;
import org.alliancehub.web.FormErrors;
import org.alliancehub.web.Related;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public register of an alliance's standards (the network's lists every alliance's), a standard's page with
 * its whole history, the difference between two drafts, and the comment form anyone may use during the public
 * comment period.
 */
@Controller
class StandardsPages {

	private static final int PAGE_SIZE = 20;

	private final Workflow workflow;

	private final CommentThrottle throttle;

	private final Projects projects;

	private final Access access;

	private final Validator validator;

	private final Related related;

	StandardsPages(Workflow workflow, CommentThrottle throttle, Projects projects, Access access, Validator validator,
			Related related) {
		this.related = related;
		this.workflow = workflow;
		this.throttle = throttle;
		this.projects = projects;
		this.access = access;
		this.validator = validator;
	}

	@GetMapping("/a/{slug}/standards")
	@PreAuthorize("permitAll()")
	String register(Site site, @RequestParam(required = false) @Nullable StandardStage stage,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("stage", stage);
		model.addAttribute("page", workflow.register(site.slug(), stage, new Paging(Math.max(0, page), PAGE_SIZE)));
		return "standards/register";
	}

	@GetMapping("/a/{slug}/standards/{id}")
	@PreAuthorize("@access.canRead('standard', #id)")
	String standard(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String commented, Model model) {
		StandardView s = standardOf(site, id);
		model.addAttribute("standard", s);
		ProjectSummary p = project(s);
		model.addAttribute("projectTitle", p == null ? null : p.title());
		model.addAttribute("projectUrl", p == null ? null : "/a/" + p.alliance() + "/projects/" + p.id());
		model.addAttribute("error", error);
		model.addAttribute("commented", commented != null);
		model.addAttribute("related", related.of("standard", id));
		return "standards/standard";
	}

	@GetMapping("/a/{slug}/standards/{id}/diff")
	@PreAuthorize("@access.canRead('standard', #id)")
	String diff(Site site, @PathVariable long id, @RequestParam int v, @RequestParam int against, Model model) {
		StandardView s = standardOf(site, id);
		model.addAttribute("standard", s);
		model.addAttribute("diff", workflow.diff(id, v, against));
		return "standards/diff";
	}

	@PostMapping("/a/{slug}/standards/{id}/comments")
	@PreAuthorize("@access.canRead('standard', #id)")
	String comment(Site site, @PathVariable long id, @RequestParam(defaultValue = "") String clause,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String contact,
			@RequestParam(defaultValue = "") String website, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model) {
		standardOf(site, id);
		try {
			Workflow.NewComment c = new Workflow.NewComment(clause, text, name, organization, contact, website);
			FormErrors.valid(validator, c, new java.util.ArrayList<>());
			throttle.take(request.getRemoteAddr());
			workflow.comment(id, c);
			return "redirect:/a/" + site.slug() + "/standards/" + id + "?commented=1#comment-form";
		}
		catch (Invalid e) {
			response.setStatus(400);
			return standard(site, id, FormErrors.describe(e), null, model);
		}
		catch (Conflict e) {
			response.setStatus(409);
			return standard(site, id, e.getMessage(), null, model);
		}
		catch (TooManyRequests e) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
			return standard(site, id, e.getMessage(), null, model);
		}
	}

	private StandardView standardOf(Site site, long id) {
		StandardView s = workflow.view(id);
		if (!site.isNetwork() && !s.alliance().equals(site.slug())) {
			throw new NotFound("standard " + id);
		}
		return s;
	}

	/** The project a standard came from, when the visitor may read it. */
	private @Nullable ProjectSummary project(StandardView s) {
		if (s.projectId() == null) {
			return null;
		}
		try {
			if (access.canRead("project", s.projectId())) {
				return projects.summary(s.projectId());
			}
		}
		catch (NotFound e) {
			// a project the visitor may not see is not mentioned
		}
		return null;
	}
}
