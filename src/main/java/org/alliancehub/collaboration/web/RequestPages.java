package org.alliancehub.collaboration.web;

import java.util.List;
import java.util.function.Supplier;

import org.alliancehub.collaboration.CollaborationTypes.Decision;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.web.FormErrors;
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
 * The representatives' page (/collaboration/requests): the resource requests their organisations decide and the
 * project invitations they answer. Every form posts to the same services the API uses.
 */
@Controller
class RequestPages {

	private final Projects projects;

	private final SharedResources resources;

	private final Access access;

	RequestPages(Projects projects, SharedResources resources, Access access) {
		this.projects = projects;
		this.resources = resources;
		this.access = access;
	}

	@GetMapping("/collaboration/requests")
	@PreAuthorize("isAuthenticated()")
	String requests(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("error", error);
		var mine = access.organizationsActedFor();
		model.addAttribute("requests", resources.requestsOf(mine));
		model.addAttribute("mine", List.copyOf(mine));
		model.addAttribute("invitations", projects.invitationsOf(mine));
		return "collaboration/requests";
	}

	@PostMapping("/collaboration/resource-requests/{id}/decision")
	@PreAuthorize("@access.canRead('resource-request', #id)")
	String decide(@PathVariable long id, @RequestParam Decision decision, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		return answer(redirect, () -> resources.decide(id, new SharedResources.DecisionInput(decision, reason)));
	}

	@PostMapping("/collaboration/projects/{id}/participants/{organizationId}/{answer:accept|decline}")
	@PreAuthorize("@access.canRead('project', #id) and @access.canActFor(#organizationId)")
	String answerInvitation(@PathVariable long id, @PathVariable long organizationId, @PathVariable String answer,
			RedirectAttributes redirect) {
		return answer(redirect, () -> projects.answer(id, organizationId, answer.equals("accept")));
	}

	private String answer(RedirectAttributes redirect, Supplier<?> action) {
		try {
			action.get();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", FormErrors.describe(e));
		}
		catch (Conflict | Forbidden e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/collaboration/requests";
	}
}
