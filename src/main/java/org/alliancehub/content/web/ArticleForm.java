package org.alliancehub.content.web;

import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Category;
import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/** What the article form holds, as typed, so that a refused form comes back with nothing lost. */
public record ArticleForm(@Nullable Long id, String title, Category category, String source, String author,
		String publishedAt, String tags, String body, ArticleStatus status, Visibility visibility,
		@Nullable Long version) {
}
