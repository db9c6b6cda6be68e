package org.alliancehub.membership;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A member organisation (成员单位); one organisation may belong to several alliances. */
public record Organization(long id, String name, OrganizationType type, @Nullable String region,
		@Nullable String website, @Nullable String profile, List<Product> products, @Nullable Long representsAllianceId,
		long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
