package org.alliancehub.collaboration;

import org.alliancehub.shared.DomainEvent;

/** What collaboration tells the rest of the platform (and its own mail). */
public final class CollaborationEvents {

	private CollaborationEvents() {
	}

	/** A member asked for a resource. */
	public record ResourceRequested(long requestId, Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "resource.requested";
		}

		@Override
		public String subject() {
			return "resource-request:" + requestId;
		}
	}

	/** The owning organisation approved or declined a request. */
	public record ResourceRequestDecided(long requestId, Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "resource.request-decided";
		}

		@Override
		public String subject() {
			return "resource-request:" + requestId;
		}
	}

	/**
	 * A project, agreement, base or resource was created or changed (also what drops the public pages' cache
	 * and writes the audit log).
	 */
	public record CollaborationChanged(String action, Long allianceId, String subject, String summary) implements DomainEvent {
	}
}
