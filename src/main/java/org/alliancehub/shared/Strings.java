package org.alliancehub.shared;

import org.jspecify.annotations.Nullable;

/** Small rules for text a user typed. */
public final class Strings {

	private Strings() {
	}

	/** The text without surrounding white space, or null when nothing but white space was typed. */
	public static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
