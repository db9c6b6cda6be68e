package org.alliancehub.funding.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.funding.FundingPlans;
import org.alliancehub.identity.Access;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The back-office entries of funding: the network's plans (for its administrator and secretariat), and the
 * statements of those who act for a payer (an organisation's representatives, an alliance's secretariat).
 */
@Component
class FundingBackOffice implements BackOfficeEntries {

	private final FundingPlans plans;

	private final Access access;

	FundingBackOffice(FundingPlans plans, Access access) {
		this.plans = plans;
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		List<BackOfficeEntry> entries = new ArrayList<>();
		if (alliance != null) {
			return entries;
		}
		if (plans.canPlan()) {
			entries.add(new BackOfficeEntry("funding.plans", "/admin/funding", 80, "nav-funding", false));
		}
		if (!access.organizationsActedFor().isEmpty()) {
			entries.add(new BackOfficeEntry("funding.statements", "/admin/funding/statements", 81, "nav-funding-statements", false));
		}
		return entries;
	}
}
