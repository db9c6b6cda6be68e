package org.alliancehub.shared;

import org.jspecify.annotations.Nullable;

/**
 * A past-tense fact one module publishes for others to react to. Every domain event is recorded in the
 * audit log, so it says what happened, to what, and in which alliance.
 */
public interface DomainEvent {

	/** Short machine name of the action, e.g. {@code article.published}. */
	String action();

	/** The alliance concerned, or null for network-wide facts such as a new user. */
	@Nullable Long allianceId();

	/** What was acted on, e.g. {@code article:42}. */
	String subject();

	/** A human-readable summary for the audit log. */
	String summary();
}
