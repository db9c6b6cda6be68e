package org.alliancehub.survey;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An organisation asked by a survey, with where its answer stands and how often it was reminded. */
public record Recipient(long organizationId, String organizationName, @Nullable String regionCode,
		String organizationType, @Nullable ResponseStatus status, @Nullable OffsetDateTime submittedAt, int reminders,
		@Nullable OffsetDateTime lastRemindedAt) {
}
