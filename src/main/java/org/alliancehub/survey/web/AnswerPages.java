package org.alliancehub.survey.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.web.Sites;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.survey.FieldType;
import org.alliancehub.survey.Responses;
import org.alliancehub.survey.ResponseView;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.internal.SurveyFiles;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;
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

/** A member's representative's surveys (/surveys): its tasks and the form to answer each one. */
@Controller
@PreAuthorize("isAuthenticated()")
class AnswerPages {

	private final Surveys surveys;

	private final Responses responses;

	private final SurveyFiles files;

	private final Sites sites;

	AnswerPages(Surveys surveys, Responses responses, SurveyFiles files, Sites sites) {
		this.surveys = surveys;
		this.responses = responses;
		this.files = files;
		this.sites = sites;
	}

	@GetMapping("/surveys")
	@PreAuthorize("isAuthenticated()")
	String tasks(Model model) {
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
		// addressed by the survey's id: the form wears its alliance's frame
		model.addAttribute("frame", sites.frame(sites.site(s.alliance())));
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
