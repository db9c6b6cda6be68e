package org.alliancehub.membership;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A member organisation (成员单位); one organisation may belong to several alliances. It belongs to itself:
 * {@code registeredByAllianceId} names the alliance that registered it (null: the network administrator),
 * which may take it in and name its first representative; other alliances invite it. {@code region} is the
 * name to show (河北省), {@code regionCode} its GB/T 2260 code (130000).
 */
public record Organization(long id, String name, OrganizationType type, @Nullable String region,
		@Nullable String regionCode, @Nullable String website, @Nullable String profile, List<Product> products,
		@Nullable Long representsAllianceId, @Nullable Long registeredByAllianceId, long version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
