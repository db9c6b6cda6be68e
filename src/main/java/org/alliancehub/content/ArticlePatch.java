package org.alliancehub.content;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Fields of an article to change; null leaves a field as it is. */
public record ArticlePatch(@Size(min = 1, max = 300) @Nullable String title, @Nullable Category category,
		@Size(max = 200) @Nullable String source, @Size(max = 100) @Nullable String author,
		@Nullable OffsetDateTime publishedAt, @Size(max = 20) @Nullable List<@NotBlank @Size(max = 40) String> tags,
		@Size(max = 1_000_000) @Nullable String body, @Nullable ArticleStatus status, @Nullable Visibility visibility,
		@Nullable Long version) {
}
