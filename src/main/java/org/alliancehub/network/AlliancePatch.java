package org.alliancehub.network;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Fields of an alliance to change; a null field stays as it is, an empty text clears it. With
 * {@code version} the change is refused when someone else changed the alliance meanwhile.
 */
public record AlliancePatch(@Size(min = 1, max = 200) @Nullable String name, @Size(max = 60) @Nullable String shortName,
		@Size(max = 100) @Nullable String industry, @Nullable LocalDate foundedOn, @Size(max = 60) @Nullable String region,
		@Size(max = 2000) @Nullable String description, @Size(max = 200_000) @Nullable String about,
		@Valid NewAlliance.@Nullable ContactInput contact, @Size(max = 60) @Nullable String icp, @Nullable Long version) {
}
