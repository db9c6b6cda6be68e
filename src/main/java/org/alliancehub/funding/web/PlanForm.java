package org.alliancehub.funding.web;

import java.util.Map;

/**
 * The new-plan form as typed: {@code year}, {@code title}, source rows ({@code kind-i}, {@code planned-i},
 * {@code sourceNote-i}) and contribution rows ({@code alliance-i}, {@code organizationId-i}, {@code source-i},
 * {@code amount-i}, {@code dueOn-i}); a row left blank is not part of the plan.
 */
public record PlanForm(Map<String, String> values) {

	public static final int SOURCE_ROWS = 5;

	public static final int CONTRIBUTION_ROWS = 10;

	public String v(String field) {
		return values.getOrDefault(field, "");
	}

	public String v(String field, int row) {
		return v(field + "-" + row);
	}

	public boolean selected(String field, int row, Object value) {
		return v(field, row).equals(String.valueOf(value));
	}

	/** An alliance the plan's contributions may name, as the form's choice list shows it. */
	public record AllianceChoice(String slug, String name) {
	}
}
