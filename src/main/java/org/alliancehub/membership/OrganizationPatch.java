package org.alliancehub.membership;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Fields of an organisation to change; null leaves a field as it is; products, when given, replace the list. */
public record OrganizationPatch(@Size(min = 1, max = 200) @Nullable String name, @Nullable OrganizationType type,
		@Size(max = 60) @Nullable String region,
		@Size(max = 300) @Pattern(regexp = "(https?://\\S+)?", message = "{validation.url}") @Nullable String website,
		@Size(max = 20_000) @Nullable String profile, @Valid @Size(max = 200) @Nullable List<Product> products,
		@Nullable Long version) {
}
