package org.alliancehub.web;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;

/**
 * The small helpers the back-office forms share: reading a form's fields into {@link Invalid.FieldError}s
 * (Bean Validation's violations, numbers), throwing {@link Invalid} when there are any, and the error line
 * shown above a form.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** Adds {@code value}'s Bean Validation violations to {@code errors}; throws if there are any errors. */
	public static <T> T valid(Validator validator, T value, List<Invalid.FieldError> errors) {
		for (ConstraintViolation<T> v : validator.validate(value)) {
			errors.add(new Invalid.FieldError(v.getPropertyPath().toString(), v.getMessage()));
		}
		check(errors);
		return value;
	}

	/** Throws {@link Invalid} if there are any errors. */
	public static void check(List<Invalid.FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
	}

	/** The number a field holds, or null with an error for the field. */
	public static @Nullable Long number(String value, String field, List<Invalid.FieldError> errors) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}

	/** The fields an invalid form names, for the error line above the form. */
	public static String describe(Invalid e) {
		return e.errors().stream().map(f -> f.field() + ": " + f.message()).reduce((x, y) -> x + "; " + y)
			.orElse(e.getMessage());
	}
}
