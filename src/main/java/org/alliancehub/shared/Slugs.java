package org.alliancehub.shared;

import java.util.regex.Pattern;

/** The rule for URL names of alliances: lower-case ASCII letters, digits and dashes. */
public final class Slugs {

	/** The rule as a regular expression, for Bean Validation annotations too. */
	public static final String REGEX = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";

	private static final Pattern SLUG = Pattern.compile(REGEX);

	private Slugs() {
	}

	public static boolean isValid(String s) {
		return s != null && SLUG.matcher(s).matches();
	}
}
