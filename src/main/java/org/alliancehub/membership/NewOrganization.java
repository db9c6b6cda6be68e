package org.alliancehub.membership;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record NewOrganization(@NotBlank @Size(max = 200) String name, @NotNull OrganizationType type,
		@Size(max = 60) @Nullable String region,
		@Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "{validation.url}") @Nullable String website,
		@Size(max = 20_000) @Nullable String profile, @Valid @Size(max = 200) @Nullable List<Product> products) {
}
