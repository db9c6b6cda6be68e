package org.alliancehub.web;

import java.time.LocalDate;

import org.alliancehub.network.Alliance;
import org.jspecify.annotations.Nullable;

/**
 * An alliance (or the network) as pages show it: the view record templates receive instead of
 * {@code network.Alliance}. A request resolves its {@code {slug}} into one of these once ({@link Sites}).
 */
public record Site(long id, String slug, String name, @Nullable String shortName, boolean isNetwork,
		@Nullable String industry, @Nullable LocalDate foundedOn, @Nullable String region, @Nullable String description,
		@Nullable String about, @Nullable String phone, @Nullable String fax, @Nullable String email,
		@Nullable String address, @Nullable String postcode, @Nullable String icp, long version) {

	public static Site of(Alliance a) {
		var c = a.contact();
		return new Site(a.id(), a.slug(), a.name(), a.shortName(), a.isNetwork(), a.industry(), a.foundedOn(),
				a.region(), a.description(), a.about(), c.phone(), c.fax(), c.email(), c.address(), c.postcode(),
				a.icp(), a.version());
	}

	/** The short name when there is one, else the full name. */
	public String displayShortName() {
		return shortName != null && !shortName.isBlank() ? shortName : name;
	}
}
