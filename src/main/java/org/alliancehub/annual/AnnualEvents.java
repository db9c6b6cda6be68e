package org.alliancehub.annual;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** What the annual module tells the rest of the platform (and the audit log). */
public final class AnnualEvents {

	private AnnualEvents() {
	}

	/** The network asked every alliance for its report of a year. */
	public record ReportsRequested(int year, @Nullable Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "annual.requested";
		}

		@Override
		public String subject() {
			return "report-request:" + year;
		}
	}

	/** An alliance's secretariat submitted its report. */
	public record ReportSubmitted(int year, Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "annual.submitted";
		}

		@Override
		public String subject() {
			return "annual-report:" + allianceId + ":" + year;
		}
	}

	/** The administrator published a new version of the activity formula. */
	public record FormulaChanged(int version, @Nullable Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "activity.formula-changed";
		}

		@Override
		public String subject() {
			return "activity-formula:" + version;
		}
	}
}
