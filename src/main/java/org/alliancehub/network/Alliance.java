package org.alliancehub.network;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An alliance (产业技术创新战略联盟) or the network itself (联盟协同发展网). */
public record Alliance(long id, String slug, AllianceKind kind, String name, @Nullable String shortName,
		@Nullable String industry, @Nullable LocalDate foundedOn, @Nullable String region, @Nullable String description,
		@Nullable String about, Contact contact, @Nullable String icp, long version, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	public boolean isNetwork() {
		return kind == AllianceKind.NETWORK;
	}

	public String displayShortName() {
		return shortName != null && !shortName.isBlank() ? shortName : name;
	}
}
