package org.alliancehub.membership;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** What happens to organisations and memberships. */
public final class MembershipEvents {

	private MembershipEvents() {
	}

	/** An organisation was registered, by an alliance ({@code registeredBy}) or by the network (null). */
	public record OrganizationCreated(long id, String name, @Nullable Long registeredBy) implements DomainEvent {

		public String action() {
			return "organization.created";
		}

		public @Nullable Long allianceId() {
			return registeredBy;
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

	/** An alliance invited an organisation that exists elsewhere; no membership yet. */
	public record MembershipInvited(long id, Long allianceId, long organizationId, MembershipRole role)
			implements DomainEvent {

		public String action() {
			return "invitation.sent";
		}

		public String subject() {
			return "organization:" + organizationId;
		}

		public String summary() {
			return "invited organisation " + organizationId + " to join as " + role + " (invitation " + id + ")";
		}
	}

	/** The organisation accepted (the membership now exists) or declined an invitation. */
	public record InvitationAnswered(long id, Long allianceId, long organizationId, boolean accepted)
			implements DomainEvent {

		public String action() {
			return accepted ? "invitation.accepted" : "invitation.declined";
		}

		public String subject() {
			return "organization:" + organizationId;
		}

		public String summary() {
			return "organisation " + organizationId + (accepted ? " accepted" : " declined") + " invitation " + id;
		}
	}
}
