package org.alliancehub.web;

import org.jspecify.annotations.Nullable;

/**
 * A link in the back office's navigation: {@code key} names its label in the message bundles, {@code order}
 * places it among the other modules' entries, {@code id} (optional) is the element id tests and scripts find
 * it by, {@code newTab} opens it beside the back office (the public site), {@code badge} (optional) is a count
 * shown beside the label (the notifications' bell).
 */
public record BackOfficeEntry(String key, String url, int order, @Nullable String id, boolean newTab,
		@Nullable Integer badge) {

	public BackOfficeEntry(String key, String url, int order, @Nullable String id, boolean newTab) {
		this(key, url, order, id, newTab, null);
	}

	public static BackOfficeEntry of(String key, String url, int order) {
		return new BackOfficeEntry(key, url, order, null, false);
	}
}
