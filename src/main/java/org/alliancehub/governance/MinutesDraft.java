package org.alliancehub.governance;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * Minutes as the secretariat writes them; {@code version} is required once the minutes exist. Body and
 * visibility are checked by {@link Minutes#write}, which sees whether the sanitised body holds any text.
 */
public record MinutesDraft(@Size(max = 200_000) @Nullable String body, @Nullable Visibility visibility,
		@PositiveOrZero @Nullable Long version) {
}
