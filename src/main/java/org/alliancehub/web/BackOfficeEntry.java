package org.alliancehub.web;

import org.jspecify.annotations.Nullable;

/**
 * A link in the back office's navigation: {@code key} names its label in the message bundles, {@code order}
 * places it among the other modules' entries, {@code id} (optional) is the element id tests and scripts find
 * it by, {@code newTab} opens it beside the back office (the public site).
 */
public record BackOfficeEntry(String key, String url, int order, @Nullable String id, boolean newTab) {

	public static BackOfficeEntry of(String key, String url, int order) {
		return new BackOfficeEntry(key, url, order, null, false);
	}
}
