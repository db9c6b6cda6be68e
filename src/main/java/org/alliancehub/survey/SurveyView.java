package org.alliancehub.survey;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A survey as the API and the pages show it, with its response rate at this moment. */
public record SurveyView(long id, long allianceId, String alliance, String title, String period, @Nullable String description,
		SurveyStatus status, OffsetDateTime deadline, Audience audience, @Nullable Long copiedFrom,
		@Nullable String sizeField, List<SurveyField> fields, List<SurveyRule> rules,
		@Nullable OffsetDateTime publishedAt, ResponseRate responseRate, long version) {

	/** Whether answers are taken now: published and before the deadline. */
	public boolean open() {
		return status == SurveyStatus.PUBLISHED && OffsetDateTime.now().isBefore(deadline);
	}

	public @Nullable SurveyField field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
	}
}
