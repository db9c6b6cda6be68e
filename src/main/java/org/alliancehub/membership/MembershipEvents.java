package org.alliancehub.membership;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** What happens to organisations and memberships. */
public final class MembershipEvents {

	private MembershipEvents() {
	}

	public record OrganizationCreated(long id, String name) implements DomainEvent {

		public String action() {
			return "organization.created";
		}

		public @Nullable Long allianceId() {
			return null;
		}

		public String subject() {
			return "organization:" + id;
		}

		public String summary() {
			return "created organisation " + name;
		}
	}

	public record OrganizationUpdated(long id, String name) implements DomainEvent {

		public String action() {
			return "organization.updated";
		}

		public @Nullable Long allianceId() {
			return null;
		}

		public String subject() {
			return "organization:" + id;
		}

		public String summary() {
			return "updated organisation " + name;
		}
	}

	public record MembershipGranted(Long allianceId, long organizationId, MembershipRole role) implements DomainEvent {

		public String action() {
			return "membership.granted";
		}

		public String subject() {
			return "organization:" + organizationId;
		}

		public String summary() {
			return "admitted organisation " + organizationId + " as " + role;
		}
	}

	public record MembershipChanged(Long allianceId, long organizationId, MembershipRole role,
			MembershipStatus status) implements DomainEvent {

		public String action() {
			return "membership.changed";
		}

		public String subject() {
			return "organization:" + organizationId;
		}

		public String summary() {
			return "membership of organisation " + organizationId + " now " + role + ", " + status;
		}
	}

	public record ApplicationReceived(long id, Long allianceId, long organizationId) implements DomainEvent {

		public String action() {
			return "application.received";
		}

		public String subject() {
			return "application:" + id;
		}

		public String summary() {
			return "organisation " + organizationId + " applied to join";
		}
	}

	public record ApplicationDecided(long id, Long allianceId, long organizationId, boolean approved)
			implements DomainEvent {

		public String action() {
			return approved ? "application.approved" : "application.rejected";
		}

		public String subject() {
			return "application:" + id;
		}

		public String summary() {
			return (approved ? "admitted" : "rejected") + " the application of organisation " + organizationId;
		}
	}
}
