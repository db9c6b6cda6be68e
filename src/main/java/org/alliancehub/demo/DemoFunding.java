package org.alliancehub.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancehub.funding.FundingPlans;
import org.alliancehub.funding.FundingTypes.SourceKind;
import org.alliancehub.network.Alliance;
import org.springframework.stereotype.Component;

/**
 * The network's funding plan for 2027, a draft awaiting its budget motion. No seed gives the network's figures: the
 * sources, amounts and contributions are written for the demo, and the plan is marked as demo data (its page says so).
 */
@Component
class DemoFunding {

	private final FundingPlans plans;

	DemoFunding(FundingPlans plans) {
		this.plans = plans;
	}

	void load(Map<String, Alliance> bySlug) {
		if (plans.list().stream().anyMatch(FundingPlans.PlanLine::demo)) {
			return;
		}
		List<FundingPlans.ContributionInput> contributions = new ArrayList<>();
		for (String slug : List.of("huanbao-zhuangbei", "hebei-zhajiangbeng", "huaxian")) {
			if (bySlug.containsKey(slug)) {
				contributions.add(new FundingPlans.ContributionInput(slug, null, SourceKind.MEMBERSHIP_FEES, new BigDecimal("5.00"),
						LocalDate.of(2027, 3, 31)));
			}
		}
		plans.create(new FundingPlans.NewPlan(2027, "协同发展网2027年度经费预算（演示数据）", List.of(
				new FundingPlans.SourceInput(SourceKind.MEMBERSHIP_FEES, new BigDecimal("15.00"), "成员联盟会费"),
				new FundingPlans.SourceInput(SourceKind.GOVERNMENT_GRANT, new BigDecimal("30.00"), "主管部门专项资助"),
				new FundingPlans.SourceInput(SourceKind.SPONSORSHIP, new BigDecimal("10.00"), "会议与活动赞助"),
				new FundingPlans.SourceInput(SourceKind.OTHER, new BigDecimal("2.00"), null)), contributions), true);
	}
}
