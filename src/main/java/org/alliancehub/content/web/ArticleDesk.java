package org.alliancehub.content.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.alliancehub.content.ArticlePatch;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Attachments;
import org.alliancehub.content.Category;
import org.alliancehub.content.NewArticle;
import org.alliancehub.content.Visibility;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
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
 * The secretariat's articles in the back office (/admin/a/{slug}/articles): list, write, edit, delete, attach.
 * The forms post to the same services the API uses, so sanitising, versions and audit are the same on both doors.
 */
@Controller
class ArticleDesk {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Articles articles;

	private final Attachments attachments;

	ArticleDesk(Articles articles, Attachments attachments) {
		this.articles = articles;
		this.attachments = attachments;
	}

	@GetMapping("/admin/a/{slug}/articles")
	@PreAuthorize("@access.canManage(#site.id())")
	String articles(Site site, @RequestParam(defaultValue = "PUBLISHED") ArticleStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("page", articles.list(site.id(), null, null, status, new Paging(Math.max(0, page), 30)));
		return "content/admin-articles";
	}

	@GetMapping("/admin/a/{slug}/articles/new")
	@PreAuthorize("@access.canManage(#site.id())")
	String newArticle(Site site, Model model) {
		return articleForm(site, new ArticleForm(null, "", Category.ALLIANCE_NEWS, "", "", "", "",
				"", ArticleStatus.DRAFT, Visibility.PUBLIC, null), null, model);
	}

	@GetMapping("/admin/a/{slug}/articles/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('article', #id)")
	String editArticle(Site site, @PathVariable long id, Model model) {
		var a = articles.get(id);
		if (a.allianceId() != site.id()) {
			throw new org.alliancehub.shared.NotFound("article " + id);
		}
		return articleForm(site,
				new ArticleForm(a.id(), a.title(), a.category(), a.source() == null ? "" : a.source(),
						a.author() == null ? "" : a.author(),
						a.publishedAt().atZoneSameInstant(CHINA).toLocalDateTime().withSecond(0).withNano(0).toString(),
						String.join("，", a.tags()), a.body(), a.status(), a.visibility(), a.version()),
				null, model);
	}

	@PostMapping("/admin/a/{slug}/articles")
	@PreAuthorize("@access.canManage(#site.id()) and (#id == null or @access.canManage('article', #id))")
	String saveArticle(Site site, @RequestParam(required = false) @Nullable Long id,
			@RequestParam String title, @RequestParam Category category, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String publishedAt,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String body,
			@RequestParam ArticleStatus status, @RequestParam Visibility visibility,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		ArticleForm form = new ArticleForm(id, title, category, source, author, publishedAt, tags, body, status,
				visibility, version);
		try {
			OffsetDateTime when = publishedAt.isBlank() ? null
					: java.time.LocalDateTime.parse(publishedAt).atZone(CHINA).toOffsetDateTime();
			List<String> tagList = Arrays.stream(tags.split("[,，;；\\s]+")).filter(t -> !t.isBlank()).toList();
			if (title.isBlank()) {
				throw Invalid.field("title", "required");
			}
			long saved;
			if (id == null) {
				saved = articles.create(site.id(), new NewArticle(title, category, source, author, when, tagList, body,
						status, visibility)).id();
			}
			else {
				if (articles.allianceOf(id) != site.id()) {
					throw new org.alliancehub.shared.NotFound("article " + id);
				}
				saved = articles.update(id, new ArticlePatch(title, category, source, author, when, tagList, body,
						status, visibility, version)).id();
			}
			redirect.addAttribute("saved", saved);
			return "redirect:/admin/a/" + site.slug() + "/articles?status=" + status.name();
		}
		catch (Invalid | Conflict | java.time.format.DateTimeParseException e) {
			return articleForm(site, form, e.getMessage(), model);
		}
	}

	@PostMapping("/admin/a/{slug}/articles/{id}/delete")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('article', #id)")
	String deleteArticle(Site site, @PathVariable long id) {
		requireArticleOf(site, id);
		articles.delete(id);
		return "redirect:/admin/a/" + site.slug() + "/articles";
	}

	@PostMapping("/admin/a/{slug}/articles/{id}/attachments")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('article', #id)")
	String attach(Site site, @PathVariable long id,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect)
			throws java.io.IOException {
		requireArticleOf(site, id);
		try {
			attachments.attach(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
		}
		catch (org.alliancehub.shared.UnsupportedType | org.alliancehub.shared.TooLarge | Invalid e) {
			redirect.addAttribute("uploadError", e.getMessage());
		}
		return "redirect:/admin/a/" + site.slug() + "/articles/" + id;
	}

	/** An article addressed under another alliance's path does not exist there. */
	private void requireArticleOf(Site site, long articleId) {
		if (articles.allianceOf(articleId) != site.id()) {
			throw new org.alliancehub.shared.NotFound("article " + articleId);
		}
	}

	private String articleForm(Site a, ArticleForm form, @Nullable String error, Model model) {
		model.addAttribute("attachments", form.id() == null ? List.of() : articles.detail(form.id()).attachments());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "content/admin-article-form";
	}
}
