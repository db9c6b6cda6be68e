package org.alliancehub.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/** Minutes as the secretariat writes them; {@code version} is required once the minutes exist. */
public record MinutesDraft(@NotBlank @Size(max = 200_000) String body, @NotNull Visibility visibility,
		@PositiveOrZero @Nullable Long version) {
}
