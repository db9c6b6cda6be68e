package org.alliancehub.content;

import org.jspecify.annotations.Nullable;

/** The news sections of an alliance site, each with the path segment it is served under. */
public enum Category {

	ALLIANCE_NEWS("news"), POLICY("policy"), MEDIA("media"), TECHNOLOGY("technology"), MARKET("market"),
	INDUSTRY("industry");

	private final String section;

	Category(String section) {
		this.section = section;
	}

	public String section() {
		return section;
	}

	public static @Nullable Category ofSection(String section) {
		for (Category c : values()) {
			if (c.section.equals(section)) {
				return c;
			}
		}
		return null;
	}
}
