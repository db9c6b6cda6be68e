package org.alliancehub.survey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.Recipient;
import org.alliancehub.survey.ResponseStatus;
import org.alliancehub.survey.ResponseView;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.SurveyView;
import org.jspecify.annotations.Nullable;

/**
 * The answer form as the page shows it: each field with what is typed so far and its mistake, if any;
 * mistakes that belong to no field (the survey is closed) apart.
 */
public record AnswerForm(SurveyView survey, Recipient recipient, @Nullable ResponseView current, List<Input> inputs,
		List<String> general, boolean editable) {

	/** A field, its value as text (its choices for a multiple choice) and the message of its mistake. */
	public record Input(SurveyField field, String value, List<String> chosen, @Nullable String error,
			@Nullable String section) {

		public boolean chose(String option) {
			return chosen.contains(option);
		}
	}

	static AnswerForm of(SurveyView s, Recipient recipient, @Nullable ResponseView current, Map<String, ?> values,
			List<Invalid.FieldError> errors) {
		List<Input> inputs = new ArrayList<>();
		String section = null;
		for (SurveyField f : s.fields()) {
			Object v = values.get(f.key());
			List<String> chosen = v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
			String text = v == null || v instanceof List<?> ? "" : v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v);
			String error = errors.stream()
				.filter(e -> e.field().equals(f.key()))
				.map(Invalid.FieldError::message)
				.reduce((a, b) -> a + "; " + b)
				.orElse(null);
			String newSection = Objects.equals(f.section(), section) ? null : f.section();
			section = f.section();
			inputs.add(new Input(f, text, chosen, error, newSection));
		}
		List<String> general = errors.stream()
			.filter(e -> s.field(e.field()) == null)
			.map(e -> e.field().isEmpty() ? e.message() : e.field() + ": " + e.message())
			.toList();
		boolean editable = s.open() && (current == null || current.status() != ResponseStatus.SUBMITTED)
				|| current != null && current.status() == ResponseStatus.REOPENED
						&& s.status() == org.alliancehub.survey.SurveyStatus.PUBLISHED;
		return new AnswerForm(s, recipient, current, inputs, general, editable);
	}

	public List<Regions.Region> provinces() {
		return Regions.china().provinces();
	}

	public List<Regions.Region> cities(String provinceCode) {
		return Regions.china().cities(provinceCode);
	}

	public String title() {
		return survey.title() + " · " + survey.period();
	}

	public String organizationName() {
		return recipient.organizationName();
	}

	public long organizationId() {
		return recipient.organizationId();
	}
}
