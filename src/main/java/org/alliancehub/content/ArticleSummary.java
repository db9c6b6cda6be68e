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

	public String url() {
		return "/a/" + alliance + "/articles/" + id;
	}
}
