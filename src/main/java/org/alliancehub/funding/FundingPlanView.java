package org.alliancehub.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.funding.FundingTypes.PlanStatus;
import org.alliancehub.funding.FundingTypes.SourceKind;
import org.jspecify.annotations.Nullable;

/** A funding plan as the network sees it: sources, contributions per payer, its motion and the decisions on it. */
public record FundingPlanView(long id, int year, String title, PlanStatus status, @Nullable Long motionId,
		@Nullable OffsetDateTime approvedAt, boolean demo, BigDecimal plannedTotal, List<Source> sources,
		List<Contribution> contributions, List<Decision> decisions, long version) {

	public boolean approved() {
		return status == PlanStatus.APPROVED;
	}

	/** A source of the plan with its planned amount in 万元. */
	public record Source(SourceKind kind, BigDecimal planned, @Nullable String note) {
	}

	/** What one payer owes: an alliance (its slug) or an organisation. */
	public record Contribution(long id, Payer payer, SourceKind source, BigDecimal amount, LocalDate dueOn) {
	}

	/** A payer: {@code alliance} is the alliance's slug for an alliance, null for an organisation. */
	public record Payer(@Nullable String alliance, long organizationId, String name) {

		public boolean byAlliance() {
			return alliance != null;
		}
	}

	/** The outcome of a motion on the plan, as governance reported it. */
	public record Decision(long motionId, String outcome, OffsetDateTime decidedAt) {
	}
}
