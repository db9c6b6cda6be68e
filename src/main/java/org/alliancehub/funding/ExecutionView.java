package org.alliancehub.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.alliancehub.funding.FundingPlanView.Payer;
import org.alliancehub.funding.FundingTypes.PlanStatus;
import org.alliancehub.funding.FundingTypes.SourceKind;

/**
 * A plan's execution (执行情况): planned against received, by source and by payer, in 万元. {@code rate} is the
 * percentage received of what was planned (of what is due, per payer), with one decimal; 0 when nothing was planned.
 */
public record ExecutionView(long planId, int year, String title, PlanStatus status, BigDecimal planned, BigDecimal due,
		BigDecimal received, BigDecimal rate, List<BySource> bySource, List<ByPayer> byPayer) {

	public record BySource(SourceKind source, BigDecimal planned, BigDecimal due, BigDecimal received, BigDecimal rate) {
	}

	public record ByPayer(long contributionId, Payer payer, SourceKind source, BigDecimal due, LocalDate dueOn,
			BigDecimal received, BigDecimal outstanding, BigDecimal overpaid, BigDecimal rate) {
	}
}
