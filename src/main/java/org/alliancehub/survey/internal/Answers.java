package org.alliancehub.survey.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.FieldType;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.SurveyRule;
import org.jspecify.annotations.Nullable;

/**
 * Checks an organisation's answers against the survey's fields and rules, and puts them in the form kept:
 * numbers as numbers, a region as its GB/T 2260 code, choices as listed. Every mistake is named by the
 * field's key, behind the given prefix: none for the API (its errors name the keys its rules use),
 * {@code rows[7].} for a spreadsheet row. Required fields are only demanded on submission, so that a half-filled draft can be saved; a rule is judged once every field
 * it reads is answered, and a broken rule names each of them.
 */
public final class Answers {

	/** Percentages lie between 0 and 100 unless the field sets its own bounds (a growth rate may be negative). */
	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int MAX_TEXT = 4000;

	private Answers() {
	}

	/** The answers as kept, their numbers by field position (1-based in the database, 0-based here). */
	public record Checked(Map<String, Object> values, @Nullable Double[] numbers, List<FieldError> errors) {
	}

	public static Checked check(List<SurveyField> fields, List<SurveyRule> rules, Map<String, ?> given, boolean submit,
			String prefix, LongPredicate fileExists) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, SurveyField> byKey = new HashMap<>();
		fields.forEach(f -> byKey.put(f.key(), f));
		for (String key : given.keySet()) {
			if (!byKey.containsKey(key)) {
				errors.add(new FieldError(prefix + key, "the survey has no such field"));
			}
		}
		Map<String, Object> kept = new LinkedHashMap<>();
		Double[] numbers = new Double[fields.size()];
		Map<String, Double> numeric = new HashMap<>();
		for (SurveyField f : fields) {
			Object raw = given.get(f.key());
			if (empty(raw)) {
				if (submit && f.required()) {
					errors.add(new FieldError(prefix + f.key(), "required"));
				}
				continue;
			}
			try {
				Object value = value(f, raw, fileExists);
				kept.put(f.key(), value);
				if (f.type().numeric() && value instanceof Number n) {
					numbers[f.position() - 1] = n.doubleValue();
					numeric.put(f.key(), n.doubleValue());
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError(prefix + f.key(), e.getMessage()));
			}
		}
		for (SurveyRule r : rules) {
			Expression e = Expression.parse(r.expression());
			if (Boolean.FALSE.equals(e.holds(numeric))) {
				for (String key : e.keys()) {
					errors.add(new FieldError(prefix + key, r.message() + " (" + r.expression() + ")"));
				}
			}
		}
		return new Checked(kept, numbers, errors);
	}

	static boolean empty(@Nullable Object raw) {
		return raw == null || raw instanceof String s && s.isBlank() || raw instanceof Collection<?> c && c.isEmpty();
	}

	private static Object value(SurveyField f, Object raw, LongPredicate fileExists) {
		return switch (f.type()) {
			case INTEGER -> bounded(f, integer(raw));
			case DECIMAL -> bounded(f, decimal(raw));
			case PERCENT -> {
				BigDecimal v = decimal(raw);
				if (f.min() == null && f.max() == null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0)) {
					throw new IllegalArgumentException("a percentage between 0 and 100");
				}
				yield bounded(f, v);
			}
			case YEAR -> {
				BigDecimal v = integer(raw);
				if (v.intValue() < 1900 || v.intValue() > 2100) {
					throw new IllegalArgumentException("a year such as 2025");
				}
				yield bounded(f, v);
			}
			case TEXT -> {
				if (!(raw instanceof String s)) {
					throw new IllegalArgumentException("text expected");
				}
				if (s.length() > MAX_TEXT) {
					throw new IllegalArgumentException("at most " + MAX_TEXT + " characters");
				}
				yield s.strip();
			}
			case CHOICE -> {
				String s = raw instanceof String t ? t.strip() : String.valueOf(raw);
				if (!f.options().contains(s)) {
					throw new IllegalArgumentException("one of " + f.options());
				}
				yield s;
			}
			case MULTI_CHOICE -> {
				List<?> chosen = raw instanceof List<?> l ? l : List.of(raw);
				LinkedHashSet<String> out = new LinkedHashSet<>();
				for (Object o : chosen) {
					String s = o == null ? "" : String.valueOf(o).strip();
					if (!f.options().contains(s)) {
						throw new IllegalArgumentException("each of " + f.options() + "; '" + s + "' is not");
					}
					out.add(s);
				}
				yield List.copyOf(out);
			}
			case REGION -> {
				String code = raw instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(raw).strip();
				Regions.Region region = Regions.china().find(code).orElseThrow(
						() -> new IllegalArgumentException("not a GB/T 2260 code such as 130000"));
				if (f.asksCity() && region.isProvince()) {
					throw new IllegalArgumentException("a city's code is asked, not a province's");
				}
				if (!f.asksCity() && !region.isProvince()) {
					throw new IllegalArgumentException("a province's code is asked, such as 130000");
				}
				yield region.code();
			}
			case FILE -> {
				long id;
				try {
					id = raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw).strip());
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("the id of a file uploaded for this answer");
				}
				if (!fileExists.test(id)) {
					throw new IllegalArgumentException("no file " + id + " was uploaded for this answer");
				}
				yield id;
			}
		};
	}

	private static BigDecimal decimal(Object raw) {
		try {
			BigDecimal v = raw instanceof Number n ? new BigDecimal(n.toString())
					: raw instanceof String s ? new BigDecimal(s.strip().replace(",", "")) : null;
			if (v == null) {
				throw new IllegalArgumentException("a number expected");
			}
			if (v.abs().compareTo(new BigDecimal("1e15")) > 0) {
				throw new IllegalArgumentException("too large");
			}
			return v;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("a number expected");
		}
	}

	private static BigDecimal integer(Object raw) {
		BigDecimal v = decimal(raw);
		if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("a whole number expected");
		}
		return v.setScale(0);
	}

	private static BigDecimal bounded(SurveyField f, BigDecimal v) {
		if (f.min() != null && v.compareTo(f.min()) < 0) {
			throw new IllegalArgumentException("at least " + f.min().toPlainString());
		}
		if (f.max() != null && v.compareTo(f.max()) > 0) {
			throw new IllegalArgumentException("at most " + f.max().toPlainString());
		}
		return v;
	}
}
