package org.alliancehub.standards;

import org.alliancehub.shared.DomainEvent;

/** What the standards module tells the rest of the platform (the audit log, the public pages' cache). */
public final class StandardsEvents {

	private StandardsEvents() {
	}

	/** A standard was proposed, moved on, drafted, commented, answered, reviewed or published. */
	public record StandardChanged(String action, Long allianceId, String subject, String summary) implements DomainEvent {
	}
}
