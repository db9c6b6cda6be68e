package org.alliancehub.survey;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An organisation's current answer to a survey: {@code values} by field key, as saved. */
public record ResponseView(long id, long surveyId, long organizationId, String organizationName,
		ResponseStatus status, int revision, Map<String, Object> values, @Nullable OffsetDateTime submittedAt,
		OffsetDateTime updatedAt, long version) {
}
