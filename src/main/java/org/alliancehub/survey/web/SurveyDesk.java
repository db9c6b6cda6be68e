package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.web.Site;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.survey.Responses;
import org.alliancehub.survey.internal.SurveyReminders;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;
import org.alliancehub.web.PageContexts;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The secretariat's surveys in the back office (/admin/a/{slug}/surveys): the list, the builder (or a copy of
 * last period's), a survey's page with its response rate, recipients, reminders and spreadsheets, and each
 * answer with its history and the reopening.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SurveyDesk {

	/** The alliance's secretariat, for a survey of that alliance. */
	static final String MANAGE_SURVEY = "@access.canManage(#site.id()) and @access.canManage('survey', #id)";

	/** Empty field lines the builder offers. */
	private static final int BUILDER_FIELDS = 12;

	private static final int BUILDER_RULES = 4;

	private final Surveys surveys;

	private final Responses responses;

	private final SurveyReminders reminders;

	private final PageContexts contexts;

	SurveyDesk(Surveys surveys, Responses responses, SurveyReminders reminders, PageContexts contexts) {
		this.surveys = surveys;
		this.responses = responses;
		this.reminders = reminders;
		this.contexts = contexts;
	}

	@GetMapping("/admin/a/{slug}/surveys")
	@PreAuthorize("@access.canManage(#site.id())")
	String list(Site site, Model model) {
		Site a = site;
		model.addAttribute("surveys", surveys.list(site.slug(), new Paging(0, Paging.MAX_SIZE)).items());
		return "survey/survey-list";
	}

	@GetMapping("/admin/a/{slug}/surveys/new")
	@PreAuthorize("@access.canManage(#site.id())")
	String builder(Site site, Model model) {
		return builder(site, BuilderForm.empty(BUILDER_FIELDS, BUILDER_RULES), List.of(), model);
	}

	private String builder(Site a, BuilderForm form, List<Invalid.FieldError> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("previous", surveys.list(a.slug(), new Paging(0, Paging.MAX_SIZE)).items());
		return "survey/builder";
	}

	/** The builder of a draft: posts to its edit address and carries the version it was opened at. */
	private String editor(Site a, long id, @Nullable Long version, BuilderForm form, List<Invalid.FieldError> errors,
			@Nullable String notice, Model model) {
		model.addAttribute("action", "/admin/a/" + a.slug() + "/surveys/" + id + "/edit");
		model.addAttribute("version", version);
		model.addAttribute("notice", notice);
		return builder(a, form, errors, model);
	}

	@PostMapping(path = "/admin/a/{slug}/surveys", params = "add")
	@PreAuthorize("@access.canManage(#site.id())")
	String addLine(Site site, @RequestParam String add, HttpServletRequest request, Model model) {
		return builder(site, BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES).withOneMore(add),
				List.of(), model);
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/edit")
	@PreAuthorize(MANAGE_SURVEY)
	String edit(Site site, @PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		SurveyView s = ofAlliance(site.slug(), id);
		if (s.status() != org.alliancehub.survey.SurveyStatus.DRAFT) {
			redirect.addAttribute("error", contexts.of(request).t("survey.builder.notDraft"));
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
		return editor(site, id, s.version(), BuilderForm.of(s, BUILDER_FIELDS, BUILDER_RULES), List.of(),
				null, model);
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/edit")
	@PreAuthorize(MANAGE_SURVEY)
	String saveEdit(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String add, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		ofAlliance(site.slug(), id);
		Site a = site;
		BuilderForm form = BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES);
		if (add != null) {
			return editor(a, id, version, form.withOneMore(add), List.of(), null, model);
		}
		try {
			surveys.update(id, form.toPatch(version));
			redirect.addAttribute("done", "edit");
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
		catch (Invalid e) {
			return editor(a, id, version, form, e.errors(), null, model);
		}
		catch (Conflict e) {
			boolean draft = surveys.get(id).status() == org.alliancehub.survey.SurveyStatus.DRAFT;
			return editor(a, id, version, form, List.of(), contexts.of(request).t(draft ? "survey.builder.stale" : "survey.builder.notDraft"),
					model);
		}
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/delete")
	@PreAuthorize(MANAGE_SURVEY)
	String delete(Site site, @PathVariable long id, RedirectAttributes redirect) {
		ofAlliance(site.slug(), id);
		try {
			surveys.delete(id, null);
			return "redirect:/admin/a/" + site.slug() + "/surveys";
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
	}

	@PostMapping("/admin/a/{slug}/surveys")
	@PreAuthorize("@access.canManage(#site.id())")
	String create(Site site, HttpServletRequest request, Model model) {
		BuilderForm form = BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES);
		try {
			SurveyView s = surveys.create(site.slug(), form.toNewSurvey());
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + s.id();
		}
		catch (Invalid e) {
			return builder(site, form, e.errors(), model);
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}")
	@PreAuthorize(MANAGE_SURVEY)
	String survey(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String done,
			@RequestParam(required = false) @Nullable String error, @RequestParam(required = false) @Nullable Integer sent,
			Model model) {
		SurveyView s = ofAlliance(site.slug(), id);
		model.addAttribute("sent", sent);
		model.addAttribute("survey", s);
		model.addAttribute("recipients", s.status() == org.alliancehub.survey.SurveyStatus.DRAFT ? List.of() : surveys.recipients(id));
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "survey/survey-admin";
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/{action:publish|close|remind}")
	@PreAuthorize(MANAGE_SURVEY)
	String act(Site site, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		ofAlliance(site.slug(), id);
		try {
			switch (action) {
				case "publish" -> surveys.publish(id);
				case "close" -> surveys.close(id);
				default -> redirect.addAttribute("sent", reminders.remind(id).emails());
			}
			redirect.addAttribute("done", action);
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/copy")
	@PreAuthorize(MANAGE_SURVEY)
	String copy(Site site, @PathVariable long id, @RequestParam String title,
			@RequestParam String period, @RequestParam String deadline, RedirectAttributes redirect) {
		SurveyView s = ofAlliance(site.slug(), id);
		try {
			SurveyView copy = surveys.copy(s.id(), title, period, BuilderForm.time(deadline));
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + copy.id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/template.xlsx")
	@PreAuthorize(MANAGE_SURVEY)
	ResponseEntity<byte[]> adminTemplate(Site site, @PathVariable long id) {
		ofAlliance(site.slug(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(SurveyApi.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("survey-" + id + ".xlsx").build().toString())
			.body(responses.template(id));
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/responses.xlsx")
	@PreAuthorize(MANAGE_SURVEY)
	String adminUpload(Site site, @PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean submit, Model model, RedirectAttributes redirect) {
		ofAlliance(site.slug(), id);
		try {
			responses.upload(id, file.getInputStream(), submit);
			redirect.addAttribute("done", "upload");
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
		catch (Invalid e) {
			model.addAttribute("uploadErrors", e.errors());
			return survey(site, id, null, null, null, model);
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + site.slug() + "/surveys/" + id;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/responses/{organizationId}")
	@PreAuthorize(MANAGE_SURVEY)
	String response(Site site, @PathVariable long id, @PathVariable long organizationId, Model model) {
		SurveyView s = ofAlliance(site.slug(), id);
		model.addAttribute("survey", s);
		model.addAttribute("response", responses.get(id, organizationId));
		model.addAttribute("revisions", responses.revisions(id, organizationId));
		return "survey/survey-response";
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/responses/{organizationId}/reopen")
	@PreAuthorize(MANAGE_SURVEY)
	String reopen(Site site, @PathVariable long id, @PathVariable long organizationId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		ofAlliance(site.slug(), id);
		try {
			responses.reopen(id, organizationId, reason);
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/surveys/" + id + "/responses/" + organizationId;
	}

	private SurveyView ofAlliance(String slug, long id) {
		SurveyView s = surveys.get(id);
		if (!s.alliance().equals(slug)) {
			throw new NotFound("survey " + id);
		}
		return s;
	}

}
