package org.alliancehub.shared;

import java.util.regex.Pattern;

/** The rule for URL names of alliances: lower-case ASCII letters, digits and dashes. */
public final class Slugs {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

	private Slugs() {
	}

	public static boolean isValid(String s) {
		return s != null && SLUG.matcher(s).matches();
	}
}
