package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.SiteFrames;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Paging;
import org.alliancehub.survey.Audience;
import org.alliancehub.survey.FieldType;
import org.alliancehub.survey.NewSurvey;
import org.alliancehub.survey.Responses;
import org.alliancehub.survey.ResponseView;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.internal.SurveyFiles;
import org.alliancehub.survey.internal.SurveyReminders;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;
import org.alliancehub.web.PageContext;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey pages: for the secretariat, the list, the builder (or a copy of last period's), a survey's page
 * with its response rate, recipients, reminders and spreadsheets, and each answer with its history and the
 * reopening; for a member's representative, its surveys and the form to answer them.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SurveyPages {

	/** The alliance's secretariat, for a survey of that alliance. */
	static final String MANAGE_SURVEY = "@access.canManage(#slug) and @access.canManage('survey', #id)";



	/** Empty field lines the builder offers. */
	private static final int BUILDER_FIELDS = 12;

	private static final int BUILDER_RULES = 4;

	private final Surveys surveys;

	private final Responses responses;

	private final SurveyReminders reminders;

	private final SurveyFiles files;

	private final Alliances alliances;

	private final SiteFrames frames;

	SurveyPages(Surveys surveys, Responses responses, SurveyReminders reminders, SurveyFiles files,
			Alliances alliances, SiteFrames frames) {
		this.surveys = surveys;
		this.responses = responses;
		this.reminders = reminders;
		this.files = files;
		this.alliances = alliances;
		this.frames = frames;
	}

	// ---- back office

	@GetMapping("/admin/a/{slug}/surveys")
	@PreAuthorize("@access.canManage(#slug)")
	String list(@PathVariable String slug, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("surveys", surveys.list(slug, new Paging(0, Paging.MAX_SIZE)).items());
		return "survey/survey-list";
	}

	@GetMapping("/admin/a/{slug}/surveys/new")
	@PreAuthorize("@access.canManage(#slug)")
	String builder(@PathVariable String slug, Model model) {
		return builder(alliances.get(slug), BuilderForm.empty(BUILDER_FIELDS, BUILDER_RULES), List.of(), model);
	}

	private String builder(Alliance a, BuilderForm form, List<Invalid.FieldError> errors, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("previous", surveys.list(a.slug(), new Paging(0, Paging.MAX_SIZE)).items());
		return "survey/builder";
	}

	/** The builder of a draft: posts to its edit address and carries the version it was opened at. */
	private String editor(Alliance a, long id, @Nullable Long version, BuilderForm form, List<Invalid.FieldError> errors,
			@Nullable String notice, Model model) {
		model.addAttribute("action", "/admin/a/" + a.slug() + "/surveys/" + id + "/edit");
		model.addAttribute("version", version);
		model.addAttribute("notice", notice);
		return builder(a, form, errors, model);
	}

	@PostMapping(path = "/admin/a/{slug}/surveys", params = "add")
	@PreAuthorize("@access.canManage(#slug)")
	String addLine(@PathVariable String slug, @RequestParam String add, HttpServletRequest request, Model model) {
		return builder(alliances.get(slug), BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES).withOneMore(add),
				List.of(), model);
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/edit")
	@PreAuthorize(MANAGE_SURVEY)
	String edit(@PathVariable String slug, @PathVariable long id, Model model, RedirectAttributes redirect) {
		SurveyView s = ofAlliance(slug, id);
		if (s.status() != org.alliancehub.survey.SurveyStatus.DRAFT) {
			redirect.addAttribute("error", ctx(model).t("survey.builder.notDraft"));
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
		return editor(alliances.get(slug), id, s.version(), BuilderForm.of(s, BUILDER_FIELDS, BUILDER_RULES), List.of(),
				null, model);
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/edit")
	@PreAuthorize(MANAGE_SURVEY)
	String saveEdit(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable String add, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		ofAlliance(slug, id);
		Alliance a = alliances.get(slug);
		BuilderForm form = BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES);
		if (add != null) {
			return editor(a, id, version, form.withOneMore(add), List.of(), null, model);
		}
		try {
			surveys.update(id, form.toPatch(version));
			redirect.addAttribute("done", "edit");
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
		catch (Invalid e) {
			return editor(a, id, version, form, e.errors(), null, model);
		}
		catch (Conflict e) {
			boolean draft = surveys.get(id).status() == org.alliancehub.survey.SurveyStatus.DRAFT;
			return editor(a, id, version, form, List.of(), ctx(model).t(draft ? "survey.builder.stale" : "survey.builder.notDraft"),
					model);
		}
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/delete")
	@PreAuthorize(MANAGE_SURVEY)
	String delete(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
		ofAlliance(slug, id);
		try {
			surveys.delete(id, null);
			return "redirect:/admin/a/" + slug + "/surveys";
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
	}

	@PostMapping("/admin/a/{slug}/surveys")
	@PreAuthorize("@access.canManage(#slug)")
	String create(@PathVariable String slug, HttpServletRequest request, Model model) {
		BuilderForm form = BuilderForm.from(request, BUILDER_FIELDS, BUILDER_RULES);
		try {
			SurveyView s = surveys.create(slug, form.toNewSurvey());
			return "redirect:/admin/a/" + slug + "/surveys/" + s.id();
		}
		catch (Invalid e) {
			return builder(alliances.get(slug), form, e.errors(), model);
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}")
	@PreAuthorize(MANAGE_SURVEY)
	String survey(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) @Nullable String done,
			@RequestParam(required = false) @Nullable String error, @RequestParam(required = false) @Nullable Integer sent,
			Model model) {
		SurveyView s = ofAlliance(slug, id);
		model.addAttribute("sent", sent);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", alliances.get(slug));
		model.addAttribute("survey", s);
		model.addAttribute("recipients", s.status() == org.alliancehub.survey.SurveyStatus.DRAFT ? List.of() : surveys.recipients(id));
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "survey/survey-admin";
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/{action:publish|close|remind}")
	@PreAuthorize(MANAGE_SURVEY)
	String act(@PathVariable String slug, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		ofAlliance(slug, id);
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
		return "redirect:/admin/a/" + slug + "/surveys/" + id;
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/copy")
	@PreAuthorize(MANAGE_SURVEY)
	String copy(@PathVariable String slug, @PathVariable long id, @RequestParam String title,
			@RequestParam String period, @RequestParam String deadline, RedirectAttributes redirect) {
		SurveyView s = ofAlliance(slug, id);
		try {
			SurveyView copy = surveys.copy(s.id(), title, period, BuilderForm.time(deadline));
			return "redirect:/admin/a/" + slug + "/surveys/" + copy.id();
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/template.xlsx")
	@PreAuthorize(MANAGE_SURVEY)
	ResponseEntity<byte[]> adminTemplate(@PathVariable String slug, @PathVariable long id) {
		ofAlliance(slug, id);
		return template(id);
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/responses.xlsx")
	@PreAuthorize(MANAGE_SURVEY)
	String adminUpload(@PathVariable String slug, @PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean submit, Model model, RedirectAttributes redirect) {
		ofAlliance(slug, id);
		try {
			responses.upload(id, file.getInputStream(), submit);
			redirect.addAttribute("done", "upload");
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
		catch (Invalid e) {
			model.addAttribute("uploadErrors", e.errors());
			return survey(slug, id, null, null, null, model);
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + slug + "/surveys/" + id;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/admin/a/{slug}/surveys/{id}/responses/{organizationId}")
	@PreAuthorize(MANAGE_SURVEY)
	String response(@PathVariable String slug, @PathVariable long id, @PathVariable long organizationId, Model model) {
		SurveyView s = ofAlliance(slug, id);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", alliances.get(slug));
		model.addAttribute("survey", s);
		model.addAttribute("response", responses.get(id, organizationId));
		model.addAttribute("revisions", responses.revisions(id, organizationId));
		return "survey/survey-response";
	}

	@PostMapping("/admin/a/{slug}/surveys/{id}/responses/{organizationId}/reopen")
	@PreAuthorize(MANAGE_SURVEY)
	String reopen(@PathVariable String slug, @PathVariable long id, @PathVariable long organizationId,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		ofAlliance(slug, id);
		try {
			responses.reopen(id, organizationId, reason);
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + slug + "/surveys/" + id + "/responses/" + organizationId;
	}

	/** The page context the web module gives every page, for a text from the bundles. */
	private static PageContext ctx(Model model) {
		return (PageContext) java.util.Objects.requireNonNull(model.getAttribute("ctx"));
	}

	private SurveyView ofAlliance(String slug, long id) {
		SurveyView s = surveys.get(id);
		if (!s.alliance().equals(slug)) {
			throw new NotFound("survey " + id);
		}
		return s;
	}

	// ---- members

	@GetMapping("/surveys")
	@PreAuthorize("isAuthenticated()")
	String tasks(Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("tasks", surveys.tasks());
		return "survey/survey-tasks";
	}

	@GetMapping("/surveys/files/{fileId}")
	@PreAuthorize("isAuthenticated() and @access.canRead('survey-file', #fileId)")
	ResponseEntity<org.springframework.core.io.Resource> file(@PathVariable long fileId) {
		SurveyFiles.Stored f = files.open(fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(f.file().filename(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(new org.springframework.core.io.FileSystemResource(f.path()));
	}

	@GetMapping("/surveys/{id}/template.xlsx")
	@PreAuthorize(SurveyApi.ANSWER)
	ResponseEntity<byte[]> template(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(SurveyApi.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("survey-" + id + ".xlsx").build().toString())
			.body(responses.template(id));
	}

	@GetMapping("/surveys/{id}/answer/{organizationId}")
	@PreAuthorize(SurveyApi.ANSWER)
	String answer(@PathVariable long id, @PathVariable long organizationId,
			@RequestParam(required = false) @Nullable String saved, Model model) {
		SurveyView s = surveys.get(id);
		ResponseView current = current(s, organizationId);
		Map<String, Object> values = current == null ? Map.of() : current.values();
		return answerForm(s, organizationId, current, values, List.of(), saved, model);
	}

	/** The answer so far, null when there is none; 404 for an organisation the user may not answer for. */
	private @Nullable ResponseView current(SurveyView s, long organizationId) {
		if (responses.answerer(s, organizationId).status() == null) {
			return null;
		}
		return responses.get(s.id(), organizationId);
	}

	private String answerForm(SurveyView s, long organizationId, @Nullable ResponseView current,
			Map<String, ?> values, List<Invalid.FieldError> errors, @Nullable String saved, Model model) {
		model.addAttribute("frame", frames.of(s.alliance()));
		model.addAttribute("form", AnswerForm.of(s, responses.answerer(s, organizationId), current, values, errors));
		model.addAttribute("saved", saved);
		return "survey/answer";
	}

	@PostMapping("/surveys/{id}/answer/{organizationId}")
	@PreAuthorize(SurveyApi.ANSWER)
	String saveAnswer(@PathVariable long id, @PathVariable long organizationId, HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean submit, Model model) {
		SurveyView s = surveys.get(id);
		ResponseView current = current(s, organizationId);
		Map<String, Object> values = new LinkedHashMap<>();
		List<Invalid.FieldError> errors = new ArrayList<>();
		for (SurveyField f : s.fields()) {
			String[] given = request.getParameterValues("v." + f.key());
			if (f.type() == FieldType.MULTI_CHOICE) {
				if (given != null) {
					values.put(f.key(), Arrays.asList(given));
				}
			}
			else if (f.type() == FieldType.FILE) {
				MultipartFile upload = request instanceof MultipartHttpServletRequest m ? m.getFile("file." + f.key()) : null;
				if (upload != null && !upload.isEmpty()) {
					try {
						values.put(f.key(), files.upload(id, organizationId, upload.getOriginalFilename() == null ? "file"
								: upload.getOriginalFilename(), upload.getSize(), upload.getInputStream()).id());
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					catch (RuntimeException e) {
						errors.add(new Invalid.FieldError(f.key(), e.getMessage()));
					}
				}
				else if (given != null && given.length > 0 && !given[0].isBlank()) {
					values.put(f.key(), given[0]);
				}
			}
			else if (given != null && given.length > 0) {
				values.put(f.key(), given[0]);
			}
		}
		if (!errors.isEmpty()) {
			return answerForm(s, organizationId, current, values, errors, null, model);
		}
		try {
			responses.save(id, organizationId, values, submit, null);
			return "redirect:/surveys/" + id + "/answer/" + organizationId + "?saved=" + (submit ? "submitted" : "draft");
		}
		catch (Invalid e) {
			return answerForm(s, organizationId, current, values, e.errors(), null, model);
		}
		catch (Conflict | Forbidden e) {
			return answerForm(s, organizationId, current, values, List.of(new Invalid.FieldError("", e.getMessage())), null, model);
		}
	}
}
