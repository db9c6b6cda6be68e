package org.alliancehub.content;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An article as lists show it. */
public record ArticleSummary(long id, String alliance, String title, Category category, @Nullable String source,
		OffsetDateTime publishedAt, ArticleStatus status, Visibility visibility) {

	public String url() {
		return "/a/" + alliance + "/articles/" + id;
	}
}
