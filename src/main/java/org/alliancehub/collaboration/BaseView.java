package org.alliancehub.collaboration;

import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.jspecify.annotations.Nullable;

/** A demonstration base (示范基地): its host, region (GB/T 2260 code and name), focus and founding agreement. */
public record BaseView(long id, String alliance, String allianceName, String name, long hostOrganizationId,
		String hostOrganization, @Nullable String regionCode, @Nullable String region, @Nullable String focus,
		@Nullable Long agreementId, @Nullable String agreementTitle, BaseStatus status, boolean demo, long version) {

	public boolean active() {
		return status == BaseStatus.ACTIVE;
	}
}
