package org.alliancehub.funding.internal;

import org.alliancehub.funding.FundingPlans;
import org.alliancehub.governance.GovernanceEvents.MotionClosed;
import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who owns and who reads the funding objects addressed by an id: {@code funding-plan} (the network's secretariat
 * and administrator only) and {@code funding-statement}, a payer's contribution to a plan, which the payer also
 * reads: the representatives of the paying organisation, or the secretariat of the paying alliance (through the
 * organisation that stands for it in the network). Everyone else is told it does not exist.
 */
@Configuration(proxyBeanMethods = false)
class FundingOwners {

	@Bean
	OwnedObjects fundingPlanOwners(JdbcClient jdbc) {
		return OwnedObjects.of("funding-plan", id -> jdbc.sql("select alliance_id from funding_plan where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::secretariat));
	}

	@Bean
	OwnedObjects fundingStatementOwners(JdbcClient jdbc) {
		record Row(long allianceId, long organizationId) {
		}
		return OwnedObjects.of("funding-statement", id -> jdbc.sql("""
				select p.alliance_id, c.organization_id from funding_contribution c join funding_plan p on p.id = c.plan_id
				where c.id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2)))
			.optional()
			.map(r -> Owner.participants(r.allianceId(), mine -> mine.contains(r.organizationId()))));
	}

	/** Learns the outcome of the BUDGET motions that approve plans. */
	@Component
	static class MotionOutcomes {

		private final FundingPlans plans;

		MotionOutcomes(FundingPlans plans) {
			this.plans = plans;
		}

		@ApplicationModuleListener
		void on(MotionClosed closed) {
			plans.motionClosed(closed.id(), closed.outcome());
		}
	}
}
