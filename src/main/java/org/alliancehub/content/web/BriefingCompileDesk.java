package org.alliancehub.content.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.ArticleSummary;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Visibility;
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

/**
 * Compiling a briefing issue in the back office (/admin/a/{slug}/briefings/{id}/compile): the alliance's published
 * public articles, each with its place in the issue and the editor's note on it, and the issue's own note. Posts
 * to the same {@link Bulletins#compile} the API uses; a wrong form saves nothing and comes back as typed, its
 * fields named.
 */
@Controller
class BriefingCompileDesk {

	private final Bulletins bulletins;

	private final Articles articles;

	private final Validator validator;

	BriefingCompileDesk(Bulletins bulletins, Articles articles, Validator validator) {
		this.bulletins = bulletins;
		this.articles = articles;
		this.validator = validator;
	}

	@GetMapping("/admin/a/{slug}/briefings/{id}/compile")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('briefing', #id)")
	String form(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String done, Model model) {
		Briefing b = briefing(site, id);
		Bulletins.Compilation c = bulletins.compilation(id);
		Map<Long, String> orders = new LinkedHashMap<>();
		Map<Long, String> notes = new LinkedHashMap<>();
		for (int i = 0; i < c.items().size(); i++) {
			var item = c.items().get(i);
			orders.put(item.articleId(), String.valueOf(i + 1));
			notes.put(item.articleId(), item.note() == null ? "" : item.note());
		}
		model.addAttribute("done", done != null);
		return page(site, b, new CompileForm(c.editorNote() == null ? "" : c.editorNote(), orders, notes), null, model);
	}

	@PostMapping("/admin/a/{slug}/briefings/{id}/compile")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('briefing', #id)")
	String compile(Site site, @PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		Briefing b = briefing(site, id);
		Map<Long, String> orders = new LinkedHashMap<>();
		Map<Long, String> notes = new LinkedHashMap<>();
		List<Invalid.FieldError> errors = new ArrayList<>();
		params.forEach((key, value) -> {
			if (key.startsWith("order-") || key.startsWith("note-")) {
				Long article = FormErrors.number(key.substring(key.indexOf('-') + 1), key, errors);
				if (article != null) {
					(key.startsWith("order-") ? orders : notes).put(article, value);
				}
			}
		});
		String editorNote = params.getOrDefault("editorNote", "");
		CompileForm form = new CompileForm(editorNote, orders, notes);
		record Chosen(long articleId, long order) {
		}
		List<Chosen> chosen = new ArrayList<>();
		orders.forEach((article, order) -> {
			if (!order.isBlank()) {
				Long n = FormErrors.number(order, "order-" + article, errors);
				if (n != null) {
					chosen.add(new Chosen(article, n));
				}
			}
		});
		chosen.sort(Comparator.comparingLong(Chosen::order).thenComparingLong(Chosen::articleId));
		List<Bulletins.Compilation.Item> items = chosen.stream()
			.map(c -> new Bulletins.Compilation.Item(c.articleId(), blank(notes.get(c.articleId()))))
			.toList();
		try {
			FormErrors.check(errors);
			var compilation = FormErrors.valid(validator, new Bulletins.Compilation(blank(editorNote), items), errors);
			bulletins.compile(id, compilation);
		}
		catch (Invalid e) {
			return page(site, b, form, FormErrors.describe(named(e, items)), model);
		}
		return "redirect:/admin/a/" + site.slug() + "/briefings/" + id + "/compile?done=1";
	}

	/** The service names an article by its place in the list ({@code items[2].articleId}); the form by its id. */
	private static Invalid named(Invalid e, List<Bulletins.Compilation.Item> items) {
		List<Invalid.FieldError> renamed = new ArrayList<>();
		for (Invalid.FieldError f : e.errors()) {
			String field = f.field();
			var m = java.util.regex.Pattern.compile("items\\[(\\d+)]\\.(articleId|note)").matcher(field);
			if (m.matches() && Integer.parseInt(m.group(1)) < items.size()) {
				long article = items.get(Integer.parseInt(m.group(1))).articleId();
				field = ("note".equals(m.group(2)) ? "note-" : "order-") + article;
			}
			else if ("items".equals(field)) {
				field = "order";
			}
			renamed.add(new Invalid.FieldError(field, f.message()));
		}
		return new Invalid(renamed);
	}

	private Briefing briefing(Site site, long id) {
		return bulletins.briefingById(id).filter(b -> b.allianceId() == site.id())
			.orElseThrow(() -> new NotFound("briefing " + id));
	}

	private String page(Site site, Briefing b, CompileForm form, @Nullable String error, Model model) {
		List<ArticleSummary> list = articles.list(site.id(), null, null, ArticleStatus.PUBLISHED, new Paging(0, Paging.MAX_SIZE))
			.items()
			.stream()
			.filter(a -> a.visibility() == Visibility.PUBLIC)
			.toList();
		model.addAttribute("briefing", b);
		model.addAttribute("articles", list);
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		if (!model.containsAttribute("done")) {
			model.addAttribute("done", false);
		}
		return "content/admin-briefing-compile";
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
