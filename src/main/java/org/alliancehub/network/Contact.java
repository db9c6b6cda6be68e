package org.alliancehub.network;

import org.jspecify.annotations.Nullable;

/** How to reach an alliance's secretariat; shown in every page footer. */
public record Contact(@Nullable String phone, @Nullable String fax, @Nullable String email, @Nullable String address,
		@Nullable String postcode) {

	public static Contact empty() {
		return new Contact(null, null, null, null, null);
	}
}
