package org.alliancehub.membership;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new organisation. {@code region} by name (河北省, 河北) or GB/T 2260 code (130000). {@code alliance} (URL
 * name) is the alliance that registers it: optional for a secretariat of one alliance (its own), required for
 * a secretariat of several; the network administrator may name one or none.
 */
public record NewOrganization(@NotBlank @Size(max = 200) String name, @NotNull OrganizationType type,
		@Size(max = 60) @Nullable String region,
		@Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "{validation.url}") @Nullable String website,
		@Size(max = 20_000) @Nullable String profile, @Valid @Size(max = 200) @Nullable List<Product> products,
		@Size(max = 60) @Nullable String alliance) {

	public NewOrganization(String name, OrganizationType type, @Nullable String region, @Nullable String website,
			@Nullable String profile, @Nullable List<Product> products) {
		this(name, type, region, website, profile, products, null);
	}
}
