package org.alliancehub.survey;

/** What a survey field holds; the numeric ones feed the statistics and may appear in rules. */
public enum FieldType {
	INTEGER, DECIMAL, PERCENT, TEXT, CHOICE, MULTI_CHOICE, YEAR, REGION, FILE;

	/** Answered with a number, kept in the response's {@code numbers} for the statistics. */
	public boolean numeric() {
		return this == INTEGER || this == DECIMAL || this == PERCENT || this == YEAR;
	}

	/** Chosen among the field's options. */
	public boolean choice() {
		return this == CHOICE || this == MULTI_CHOICE;
	}
}
