package org.alliancehub.transfer.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.shared.Invalid;
import org.springframework.util.MultiValueMap;

/**
 * A demand or achievement form as typed, so that a refused form comes back with nothing lost, with the
 * organisations the user may post for and every wrong field (once each, in the form's order).
 */
public record TransferForm(Map<String, String> values, List<String> transferModes, List<Choice> organizations,
		List<Invalid.FieldError> errors) {

	/** An organisation the user acts for. */
	public record Choice(long id, String name) {
	}

	static TransferForm of(MultiValueMap<String, String> typed, List<Choice> organizations) {
		Map<String, String> values = new LinkedHashMap<>();
		typed.forEach((k, v) -> values.put(k, v.isEmpty() || v.get(0) == null ? "" : v.get(0)));
		List<String> modes = typed.getOrDefault("transferModes", List.of());
		return new TransferForm(values, List.copyOf(modes), organizations, List.of());
	}

	/** The same form with these errors, one line per field, the first message of each. */
	TransferForm refused(List<Invalid.FieldError> found) {
		Map<String, Invalid.FieldError> byField = new LinkedHashMap<>();
		for (Invalid.FieldError e : found) {
			byField.putIfAbsent(e.field(), e);
		}
		return new TransferForm(values, transferModes, organizations, new ArrayList<>(byField.values()));
	}

	public String value(String name) {
		return values.getOrDefault(name, "");
	}

	public boolean is(String name, String option) {
		return option.equals(value(name));
	}

	public boolean invalid(String name) {
		return errors.stream().anyMatch(e -> e.field().equals(name));
	}
}
