package org.alliancehub.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.funding.FundingPlanView.Payer;
import org.alliancehub.funding.FundingTypes.PlanStatus;
import org.alliancehub.funding.FundingTypes.SourceKind;

/** A payer's statement for one plan: due, paid, outstanding (and any overpayment), the payments and reminders. */
public record StatementView(long id, long planId, int year, String planTitle, PlanStatus planStatus, Payer payer,
		SourceKind source, BigDecimal due, LocalDate dueOn, BigDecimal paid, BigDecimal outstanding, BigDecimal overpaid,
		List<Payment> payments, List<Reminder> reminders) {

	public boolean settled() {
		return outstanding.signum() == 0;
	}

	public boolean hasOverpaid() {
		return overpaid.signum() > 0;
	}

	/** A payment received, by bank transfer. */
	public record Payment(long id, BigDecimal amount, LocalDate paidOn, String reference) {
	}

	/** A reminder sent: its round and what was outstanding then. */
	public record Reminder(int round, BigDecimal outstanding, OffsetDateTime sentAt) {
	}
}
