package org.alliancehub.content;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record NewArticle(@NotBlank @Size(max = 300) String title, @NotNull Category category,
		@Size(max = 200) @Nullable String source, @Size(max = 100) @Nullable String author,
		@Nullable OffsetDateTime publishedAt, @Size(max = 20) @Nullable List<@NotBlank @Size(max = 40) String> tags,
		@NotNull @Size(max = 1_000_000) String body, @Nullable ArticleStatus status, @Nullable Visibility visibility) {
}
