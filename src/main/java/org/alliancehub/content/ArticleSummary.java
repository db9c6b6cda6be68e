package org.alliancehub.content;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An article as lists show it. */
public record ArticleSummary(long id, String alliance, String title, Category category, @Nullable String source,
		OffsetDateTime publishedAt, ArticleStatus status, Visibility visibility) {

	/** Shown to members only (会员可见): lists mark it. */
	public boolean membersOnly() {
		return visibility == Visibility.MEMBERS;
	}

	/** The same summary in the alliance with this URL name. */
	ArticleSummary in(String slug) {
		return new ArticleSummary(id, slug, title, category, source, publishedAt, status, visibility);
	}

	public String url() {
		return "/a/" + alliance + "/articles/" + id;
	}
}
