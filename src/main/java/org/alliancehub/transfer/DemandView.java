package org.alliancehub.transfer;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.alliancehub.transfer.TransferTypes.Field;
import org.alliancehub.transfer.TransferTypes.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A technology demand (技术需求): the problem an organisation wants solved, with budget (万元) and deadline;
 * {@code project} the joint project it started, when the caller may read it.
 */
public record DemandView(long id, String alliance, long organizationId, String organization, String title,
		String description, Field field, String region, String regionName, Visibility visibility,
		@Nullable BigDecimal budget, @Nullable LocalDate deadline, @Nullable Long projectId, @Nullable ProjectLink project,
		boolean demo) {

	public boolean membersOnly() {
		return visibility == Visibility.MEMBERS;
	}
}
