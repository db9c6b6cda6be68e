package org.alliancehub.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What every page of one site shows around its content: the body's name, its sections, and the footer
 * with contact details and the ICP number.
 */
public record Frame(String slug, String name, String shortName, boolean network, @Nullable String phone,
		@Nullable String fax, @Nullable String email, @Nullable String address, @Nullable String postcode,
		@Nullable String icp, List<NavItem> nav) {

	/** A section in the site's navigation; {@code key} names its label in the message bundles. */
	public record NavItem(String key, String url, String section) {
	}

	public String home() {
		return network ? "/" : "/a/" + slug + "/";
	}
}
