package org.alliancehub.funding;

import org.alliancehub.shared.DomainEvent;

/** What the funding module tells the rest of the platform (the audit log). */
public final class FundingEvents {

	private FundingEvents() {
	}

	/** A plan was created, edited, linked to its motion, approved or left a draft, or a payment was recorded. */
	public record FundingChanged(String action, Long allianceId, String subject, String summary) implements DomainEvent {
	}
}
