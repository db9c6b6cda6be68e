package org.alliancehub.network;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.alliancehub.shared.Slugs;
import org.jspecify.annotations.Nullable;

/** What it takes to found an alliance on the network. */
public record NewAlliance(
		@NotBlank @Pattern(regexp = Slugs.REGEX, message = "{validation.slug}") String slug,
		@NotBlank @Size(max = 200) String name, @Size(max = 60) @Nullable String shortName,
		@Size(max = 100) @Nullable String industry, @Nullable LocalDate foundedOn, @Size(max = 60) @Nullable String region,
		@Size(max = 2000) @Nullable String description, @Valid @Nullable ContactInput contact,
		@Size(max = 60) @Nullable String icp) {

	/** Contact details as a client sends them. */
	public record ContactInput(@Size(max = 40) @Nullable String phone, @Size(max = 40) @Nullable String fax,
			@Email @Size(max = 120) @Nullable String email, @Size(max = 300) @Nullable String address,
			@Pattern(regexp = "\\d{6}", message = "{validation.postcode}") @Nullable String postcode) {

		public Contact toContact() {
			return new Contact(phone, fax, email, address, postcode);
		}
	}
}
