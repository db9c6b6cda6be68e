package org.alliancehub.survey;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One kept version of an answer: what was saved, by whom, when, and why it was reopened if it was. */
public record ResponseRevision(int revision, ResponseStatus status, Map<String, Object> values,
		@Nullable String reason, @Nullable String savedBy, OffsetDateTime savedAt) {
}
