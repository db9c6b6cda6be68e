package org.alliancehub.survey.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.shared.Invalid;
import org.alliancehub.survey.Audience;
import org.alliancehub.survey.NewSurvey;
import org.alliancehub.survey.internal.SurveyPatch;
import org.alliancehub.survey.SurveyView;
import org.jspecify.annotations.Nullable;

/** The builder as typed, kept when it is shown again with its mistakes. */
public record BuilderForm(String title, String period, String description, String deadline, @Nullable Long copiedFrom,
		String sizeField, List<String> roles, List<String> types, List<String> regions, List<FieldLine> fields,
		List<RuleLine> rules) {

	/** One line of the builder, as typed. */
	public record FieldLine(String key, String label, String section, String type, String unit, boolean required,
			String min, String max, String options) {

		boolean blank() {
			return key.isBlank() && label.isBlank();
		}

		/** Whether the line's type is this one: the builder's type list selects it. */
		public boolean typeIs(org.alliancehub.survey.FieldType t) {
			return t.name().equals(type);
		}
	}

	/** A rule line of the builder, as typed. */
	public record RuleLine(String expression, String message) {
	}

	private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

	static BuilderForm empty(int fields, int rules) {
		return new BuilderForm("", "", "", "", null, "", List.of(), List.of(), List.of(), List.of(), List.of())
			.padded(fields, rules);
	}

	/** A draft survey in the builder, with empty lines up to the minimum counts after its own. */
	static BuilderForm of(SurveyView s, int minimumFields, int minimumRules) {
		List<FieldLine> fields = s.fields().stream().map(f -> new FieldLine(f.key(), f.label(),
				f.section() == null ? "" : f.section(), f.type().name(), f.unit() == null ? "" : f.unit(), f.required(),
				f.min() == null ? "" : f.min().toPlainString(), f.max() == null ? "" : f.max().toPlainString(),
				String.join("|", f.options()))).toList();
		List<RuleLine> rules = s.rules().stream().map(r -> new RuleLine(r.expression(), r.message())).toList();
		return new BuilderForm(s.title(), s.period(), s.description() == null ? "" : s.description(),
				s.deadline().atZoneSameInstant(BEIJING).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString(), null,
				s.sizeField() == null ? "" : s.sizeField(), s.audience().rolesOrEmpty(), s.audience().typesOrEmpty(),
				s.audience().regionsOrEmpty(), fields, rules)
			.padded(fields.size() + 1 > minimumFields ? fields.size() + 1 : minimumFields,
					rules.size() + 1 > minimumRules ? rules.size() + 1 : minimumRules);
	}

	/** The same form with empty field and rule lines added up to these counts. */
	BuilderForm padded(int minimumFields, int minimumRules) {
		List<FieldLine> f = new ArrayList<>(fields);
		while (f.size() < minimumFields) {
			f.add(new FieldLine("", "", "", "DECIMAL", "", false, "", "", ""));
		}
		List<RuleLine> r = new ArrayList<>(rules);
		while (r.size() < minimumRules) {
			r.add(new RuleLine("", ""));
		}
		return new BuilderForm(title, period, description, deadline, copiedFrom, sizeField, roles, types, regions, f, r);
	}

	/** The form with one more empty line where the "add" button asked for it ({@code field} or {@code rule}). */
	BuilderForm withOneMore(String what) {
		return padded(fields.size() + ("field".equals(what) ? 1 : 0), rules.size() + ("rule".equals(what) ? 1 : 0));
	}

	/**
	 * The builder as posted, with its blank field lines moved to the end, so that {@code fields[2]} in a
	 * message is the line numbered 2 on the page.
	 */
	static BuilderForm from(HttpServletRequest request, int minimumFields, int minimumRules) {
		String[] keys = values(request, "fieldKey");
		List<FieldLine> fields = new ArrayList<>();
		for (int i = 0; i < keys.length; i++) {
			FieldLine line = new FieldLine(keys[i].strip(), at(request, "fieldLabel", i), at(request, "fieldSection", i),
					at(request, "fieldType", i), at(request, "fieldUnit", i), "true".equals(at(request, "fieldRequired", i)),
					at(request, "fieldMin", i), at(request, "fieldMax", i), at(request, "fieldOptions", i));
			if (!line.blank()) {
				fields.add(line);
			}
		}
		int fieldLines = Math.max(minimumFields, keys.length);
		String[] expressions = values(request, "ruleExpression");
		List<RuleLine> rules = new ArrayList<>();
		for (int i = 0; i < expressions.length; i++) {
			rules.add(new RuleLine(expressions[i], at(request, "ruleMessage", i)));
		}
		String copied = one(request, "copiedFrom");
		return new BuilderForm(one(request, "title"), one(request, "period"), one(request, "description"),
				one(request, "deadline"), copied.isBlank() ? null : Long.valueOf(copied), one(request, "sizeField"),
				List.of(values(request, "roles")), List.of(values(request, "types")), List.of(values(request, "regions")),
				fields, rules).padded(fieldLines, Math.max(expressions.length, minimumRules));
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] v = request.getParameterValues(name);
		return v == null ? new String[0] : v;
	}

	private static String one(HttpServletRequest request, String name) {
		String v = request.getParameter(name);
		return v == null ? "" : v.strip();
	}

	private static String at(HttpServletRequest request, String name, int i) {
		String[] v = values(request, name);
		return i < v.length ? v[i].strip() : "";
	}

	static @Nullable OffsetDateTime time(String local) {
		if (local.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(local).atZone(BEIJING).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException e) {
			throw Invalid.field("deadline", "a date and time such as 2026-03-31T17:00");
		}
	}

	NewSurvey toNewSurvey() {
		List<Invalid.FieldError> errors = new ArrayList<>();
		List<NewSurvey.Field> out = new ArrayList<>();
		List<FieldLine> typed = fields.stream().filter(f -> !f.blank()).toList();
		for (int i = 0; i < typed.size(); i++) {
			FieldLine f = typed.get(i);
			out.add(new NewSurvey.Field(f.key(), f.label(), f.section(), f.type(), f.unit(), f.required(),
					number(f.min(), "fields[" + i + "].min", errors), number(f.max(), "fields[" + i + "].max", errors),
					f.options().isBlank() ? null : Arrays.stream(f.options().split("[|,，、]")).map(String::strip).toList()));
		}
		List<NewSurvey.Rule> r = rules.stream().filter(l -> !l.expression().isBlank() || !l.message().isBlank())
			.map(l -> new NewSurvey.Rule(l.expression(), l.message()))
			.toList();
		OffsetDateTime at = null;
		try {
			at = time(deadline);
		}
		catch (Invalid e) {
			errors.addAll(e.errors());
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return new NewSurvey(title, period, description, copiedFrom != null && out.isEmpty() ? null : out,
				copiedFrom != null && out.isEmpty() ? null : r, at,
				copiedFrom != null && roles.isEmpty() && types.isEmpty() && regions.isEmpty() ? null
						: new Audience(roles, types, regions), copiedFrom,
				sizeField.isBlank() ? null : sizeField);
	}

	/** The builder of a draft as a change: every part is given, so blank ones (description, size field) are cleared. */
	SurveyPatch toPatch(@Nullable Long version) {
		NewSurvey n = toNewSurvey();
		return new SurveyPatch(n.title(), n.period(), n.description(), n.fields(), n.rules(), n.deadline(), n.audience(),
				sizeField, version);
	}

	private static @Nullable BigDecimal number(String s, String field, List<Invalid.FieldError> errors) {
		if (s.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(s);
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number expected"));
			return null;
		}
	}
}
