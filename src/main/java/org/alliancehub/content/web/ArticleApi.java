package org.alliancehub.content.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.content.Article;
import org.alliancehub.content.ArticleDetail;
import org.alliancehub.content.ArticlePatch;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.ArticleSummary;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Attachment;
import org.alliancehub.content.Category;
import org.alliancehub.content.NewArticle;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "articles")
class ArticleApi {

	private final Alliances alliances;

	private final Articles articles;

	ArticleApi(Alliances alliances, Articles articles) {
		this.alliances = alliances;
		this.articles = articles;
	}

	/** An article as the API shows it, with its neighbours in the section and related articles. */
	record ArticleResponse(long id, String alliance, String title, Category category, @Nullable String source,
			@Nullable String author, java.time.OffsetDateTime publishedAt, List<String> tags, String body,
			ArticleStatus status, org.alliancehub.content.Visibility visibility, long version, String url,
			@Nullable ArticleSummary previous, @Nullable ArticleSummary next, List<ArticleSummary> related,
			List<Attachment> attachments) {

		static ArticleResponse of(Article a, @Nullable ArticleDetail d) {
			return new ArticleResponse(a.id(), a.alliance(), a.title(), a.category(), a.source(), a.author(),
					a.publishedAt(), a.tags(), a.body(), a.status(), a.visibility(), a.version(),
					"/a/" + a.alliance() + "/articles/" + a.id(), d == null ? null : d.previous(),
					d == null ? null : d.next(), d == null ? List.of() : d.related(),
					d == null ? List.of() : d.attachments());
		}
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/api/v1/alliances/{slug}/articles")
	PageResult<ArticleSummary> list(@PathVariable String slug,
			@RequestParam(required = false) @Nullable Category category,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable ArticleStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return articles.list(alliances.get(slug).id(), category, tag, status, Paging.of(page, size));
	}

	@PostMapping("/api/v1/alliances/{slug}/articles")
	@PreAuthorize("@access.canManage(#slug)")
	ResponseEntity<ArticleResponse> create(@PathVariable String slug, @Valid @RequestBody NewArticle article) {
		Article a = articles.create(alliances.get(slug).id(), article);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + a.id())).body(ArticleResponse.of(a, null));
	}

	@PreAuthorize("@access.canRead('article', #id)")
	@GetMapping("/api/v1/articles/{id}")
	ArticleResponse get(@PathVariable long id) {
		ArticleDetail d = articles.detail(id);
		return ArticleResponse.of(d.article(), d);
	}

	@PreAuthorize("@access.canManage('article', #id)")
	@PatchMapping("/api/v1/articles/{id}")
	ArticleResponse update(@PathVariable long id, @Valid @RequestBody ArticlePatch patch) {
		return ArticleResponse.of(articles.update(id, patch), null);
	}

	@PreAuthorize("@access.canManage('article', #id)")
	@DeleteMapping("/api/v1/articles/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		articles.delete(id);
		return ResponseEntity.noContent().build();
	}
}
