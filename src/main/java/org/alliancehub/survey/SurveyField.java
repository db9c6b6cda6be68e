package org.alliancehub.survey;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question of a survey. {@code position} (1-based) is also the index of its numeric answer in a
 * response's {@code numbers}; {@code options} are the choices of a CHOICE or MULTI_CHOICE field, or
 * {@code ["CITY"]} for a REGION field that asks for a city rather than a province.
 */
public record SurveyField(int position, String key, String label, @Nullable String section, FieldType type,
		@Nullable String unit, boolean required, @Nullable BigDecimal min, @Nullable BigDecimal max,
		List<String> options) {

	/** A REGION field that asks for a city (or a municipality's district) rather than a province. */
	public boolean asksCity() {
		return type == FieldType.REGION && options.contains("CITY");
	}
}
