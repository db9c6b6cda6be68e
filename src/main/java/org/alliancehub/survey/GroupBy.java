package org.alliancehub.survey;

import java.util.Locale;
import java.util.Optional;

/** How the statistics of a survey are broken down: by province, by organisation type or by size class. */
public enum GroupBy {

	REGION, TYPE, SIZE;

	/** The lower-case name used in URLs ({@code ?groupBy=region}). */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<GroupBy> ofParam(String value) {
		for (GroupBy g : values()) {
			if (g.param().equalsIgnoreCase(value.strip())) {
				return Optional.of(g);
			}
		}
		return Optional.empty();
	}
}
