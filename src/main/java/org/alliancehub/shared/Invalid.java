package org.alliancehub.shared;

import java.util.List;

/** Input that breaks a domain rule; every offending field is named so a client can fix them all at once. */
public class Invalid extends RuntimeException {

	private final List<FieldError> errors;

	public Invalid(List<FieldError> errors) {
		super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public static Invalid field(String field, String message) {
		return new Invalid(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	public record FieldError(String field, String message) {
	}
}
