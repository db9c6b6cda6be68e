package org.alliancehub.transfer;

import java.util.List;

import org.alliancehub.transfer.TransferTypes.Field;
import org.alliancehub.transfer.TransferTypes.IpStatus;
import org.alliancehub.transfer.TransferTypes.TransferMode;
import org.alliancehub.transfer.TransferTypes.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A research achievement (科技成果): what it does, its maturity as a technology readiness level 1–9, its IP
 * status, the ways it may be transferred and the terms; {@code project} the joint project it came from, when the
 * caller may read it.
 */
public record AchievementView(long id, String alliance, long organizationId, String organization, String title,
		String description, Field field, String region, String regionName, Visibility visibility, int maturity,
		IpStatus ipStatus, @Nullable String patentNumber, List<TransferMode> transferModes, @Nullable String terms,
		@Nullable Long projectId, @Nullable ProjectLink project, boolean demo) {

	public boolean membersOnly() {
		return visibility == Visibility.MEMBERS;
	}
}
