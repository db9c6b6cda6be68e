package org.alliancehub.content;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A published or draft piece of news in one of an alliance's sections. */
public record Article(long id, long allianceId, String alliance, String title, Category category,
		@Nullable String source, @Nullable String author, OffsetDateTime publishedAt, List<String> tags, String body,
		ArticleStatus status, Visibility visibility, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** Shown to members only (会员可见): the page marks it. */
	public boolean membersOnly() {
		return visibility == Visibility.MEMBERS;
	}

	/** The same article in the alliance with this URL name. */
	Article in(String slug) {
		return new Article(id, allianceId, slug, title, category, source, author, publishedAt, tags, body, status,
				visibility, version, createdAt, updatedAt);
	}
}
