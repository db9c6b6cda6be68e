package org.alliancehub.survey.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.Audience;
import org.alliancehub.survey.FieldType;
import org.alliancehub.survey.NewSurvey;
import org.alliancehub.survey.SurveyField;
import org.alliancehub.survey.SurveyRule;
import org.jspecify.annotations.Nullable;

/**
 * What a survey asks, as checked and ready to be stored: its title, period, deadline, audience, fields and
 * rules. The rules of a well-formed definition live here, beside the data, so that creating and changing a
 * survey check it the same way and name every mistake at once.
 */
public record SurveyDefinition(String title, String period, @Nullable String description, OffsetDateTime deadline,
		Audience audience, @Nullable String sizeField, List<SurveyField> fields, List<SurveyRule> rules) {

	static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

	private static final int MAX_FIELDS = 200;

	/**
	 * The one check of a survey's content, for {@code Surveys.create} and {@code Surveys.update}: adds every mistake to
	 * {@code errors} (which may already hold some) and throws them all at once.
	 */
	public static SurveyDefinition check(NewSurvey s, List<FieldError> errors, boolean copyFailed) {
		if (blank(s.title())) {
			errors.add(new FieldError("title", "must not be blank"));
		}
		else if (s.title().strip().length() > 200) {
			errors.add(new FieldError("title", "at most 200 characters"));
		}
		if (blank(s.period())) {
			errors.add(new FieldError("period", "must not be blank, e.g. 2025"));
		}
		else if (s.period().strip().length() > 40) {
			errors.add(new FieldError("period", "at most 40 characters"));
		}
		if (s.deadline() == null) {
			errors.add(new FieldError("deadline", "must not be empty"));
		}
		List<SurveyField> defined = checkFields(s.fields() == null ? List.of() : s.fields(), errors, copyFailed);
		List<SurveyRule> definedRules = checkRules(s.rules() == null ? List.of() : s.rules(), defined, errors);
		Audience audience = s.audience() == null ? Audience.everyone() : s.audience();
		checkAudience(audience, errors);
		String size = s.sizeField();
		if (size != null && !size.isBlank()) {
			SurveyField f = defined.stream().filter(d -> d.key().equals(size)).findFirst().orElse(null);
			if (f == null || f.type() != FieldType.CHOICE && f.type() != FieldType.INTEGER && f.type() != FieldType.DECIMAL) {
				errors.add(new FieldError("sizeField",
						"must name a field of the survey: a choice of 大型/中型/小型/微型, or a number (operating revenue in 万元)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return new SurveyDefinition(s.title().strip(), s.period().strip(), blank(s.description()) ? null : s.description().strip(),
				s.deadline(), audience, blank(size) ? null : size, defined, definedRules);
	}

	private static List<SurveyField> checkFields(List<NewSurvey.Field> fields, List<FieldError> errors, boolean copyFailed) {
		if (fields.isEmpty() && !copyFailed) {
			errors.add(new FieldError("fields", "a survey asks at least one field"));
		}
		if (fields.size() > MAX_FIELDS) {
			errors.add(new FieldError("fields", "at most " + MAX_FIELDS + " fields"));
			return List.of();
		}
		List<SurveyField> out = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < fields.size(); i++) {
			NewSurvey.Field f = fields.get(i);
			String at = "fields[" + i + "].";
			int before = errors.size();
			if (f == null) {
				errors.add(new FieldError("fields[" + i + "]", "must not be empty"));
				continue;
			}
			if (blank(f.key()) || !KEY.matcher(f.key()).matches()) {
				errors.add(new FieldError(at + "key", "letters, digits and _ starting with a letter, at most 40"));
			}
			else if (!keys.add(f.key()) ) {
				errors.add(new FieldError(at + "key", "used twice"));
			}
			else if (List.of("and", "or", "not", "organizationId", "organization").contains(f.key())) {
				errors.add(new FieldError(at + "key", "is a reserved word"));
			}
			if (blank(f.label())) {
				errors.add(new FieldError(at + "label", "must not be blank"));
			}
			FieldType type = null;
			try {
				type = f.type() == null ? null : FieldType.valueOf(f.type().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				// named below
			}
			if (type == null) {
				errors.add(new FieldError(at + "type", "one of " + List.of(FieldType.values())));
			}
			if (f.unit() != null && f.unit().strip().length() > 20) {
				errors.add(new FieldError(at + "unit", "at most 20 characters"));
			}
			if (f.unit() != null && !f.unit().isBlank() && type != null && !type.numeric()) {
				errors.add(new FieldError(at + "unit", "only numeric fields have a unit"));
			}
			if ((f.min() != null || f.max() != null) && type != null && !type.numeric()) {
				errors.add(new FieldError(f.min() != null ? at + "min" : at + "max", "only numeric fields have bounds"));
			}
			if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
				errors.add(new FieldError(at + "max", "must not be less than min"));
			}
			List<String> options = f.options() == null ? List.of()
					: f.options().stream().map(o -> o == null ? "" : o.strip()).toList();
			if (type != null && type.choice()) {
				if (options.isEmpty()) {
					errors.add(new FieldError(at + "options", "a choice needs options"));
				}
				else if (options.contains("") || new HashSet<>(options).size() != options.size()) {
					errors.add(new FieldError(at + "options", "options must be distinct and not blank"));
				}
			}
			else if (type == FieldType.REGION) {
				if (!options.isEmpty() && !options.equals(List.of("CITY")) && !options.equals(List.of("PROVINCE"))) {
					errors.add(new FieldError(at + "options", "a region field takes [\"PROVINCE\"] (default) or [\"CITY\"]"));
				}
			}
			else if (!options.isEmpty() && type != null) {
				errors.add(new FieldError(at + "options", "only CHOICE, MULTI_CHOICE and REGION fields have options"));
			}
			if (errors.size() == before && type != null) {
				out.add(new SurveyField(i + 1, f.key(), f.label().strip(), blank(f.section()) ? null : f.section().strip(), type,
						blank(f.unit()) ? null : f.unit().strip(), Boolean.TRUE.equals(f.required()), f.min(), f.max(),
						options));
			}
		}
		return out;
	}

	private static List<SurveyRule> checkRules(List<NewSurvey.Rule> rules, List<SurveyField> fields, List<FieldError> errors) {
		List<SurveyRule> out = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			NewSurvey.Rule r = rules.get(i);
			String at = "rules[" + i + "].";
			if (r == null || blank(r.expression())) {
				errors.add(new FieldError(at + "expression", "must not be blank"));
				continue;
			}
			try {
				Expression e = Expression.parse(r.expression());
				for (String key : e.keys()) {
					SurveyField f = fields.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
					if (f == null) {
						errors.add(new FieldError(at + "expression", "unknown field '" + key + "'"));
					}
					else if (!f.type().numeric()) {
						errors.add(new FieldError(at + "expression", "'" + key + "' is not a numeric field"));
					}
				}
			}
			catch (Expression.SyntaxError e) {
				errors.add(new FieldError(at + "expression", e.getMessage()));
			}
			if (blank(r.message())) {
				errors.add(new FieldError(at + "message", "must not be blank"));
			}
			else {
				out.add(new SurveyRule(i + 1, r.expression().strip(), r.message().strip()));
			}
		}
		return out;
	}

	private static void checkAudience(Audience a, List<FieldError> errors) {
		for (int i = 0; i < a.rolesOrEmpty().size(); i++) {
			String role = a.rolesOrEmpty().get(i);
			if (role == null || java.util.Arrays.stream(MembershipRole.values()).noneMatch(r -> r.name().equals(role))) {
				errors.add(new FieldError("audience.roles[" + i + "]", "one of " + List.of(MembershipRole.values())));
			}
		}
		for (int i = 0; i < a.typesOrEmpty().size(); i++) {
			String type = a.typesOrEmpty().get(i);
			if (type == null || java.util.Arrays.stream(OrganizationType.values()).noneMatch(t -> t.name().equals(type))) {
				errors.add(new FieldError("audience.types[" + i + "]", "one of " + List.of(OrganizationType.values())));
			}
		}
		for (int i = 0; i < a.regionsOrEmpty().size(); i++) {
			String code = a.regionsOrEmpty().get(i);
			if (Regions.china().find(code).filter(Regions.Region::isProvince).isEmpty()) {
				errors.add(new FieldError("audience.regions[" + i + "]", "not a GB/T 2260 province code such as 130000"));
			}
		}
	}

	public static NewSurvey.Field asNew(SurveyField f) {
		return new NewSurvey.Field(f.key(), f.label(), f.section(), f.type().name(), f.unit(), f.required(), f.min(),
				f.max(), f.options());
	}

	public static NewSurvey.Rule asNew(SurveyRule r) {
		return new NewSurvey.Rule(r.expression(), r.message());
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
