package org.alliancehub.content;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An article with what its page shows around it: the previous and next in its section, related articles, attachments. */
public record ArticleDetail(Article article, @Nullable ArticleSummary previous, @Nullable ArticleSummary next,
		List<ArticleSummary> related, List<Attachment> attachments) {
}
