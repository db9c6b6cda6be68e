package org.alliancehub.collaboration;

/** The enumerations of collaboration, in the words of the glossary. */
public final class CollaborationTypes {

	private CollaborationTypes() {
	}

	/** A project's course: proposed, then active, then completed; cancelled from either of the first two. */
	public enum ProjectStatus {

		PROPOSED, ACTIVE, COMPLETED, CANCELLED;

		public boolean canBecome(ProjectStatus next) {
			return switch (this) {
				case PROPOSED -> next == ACTIVE || next == CANCELLED;
				case ACTIVE -> next == COMPLETED || next == CANCELLED;
				case COMPLETED, CANCELLED -> false;
			};
		}

		public boolean isOpen() {
			return this == PROPOSED || this == ACTIVE;
		}
	}

	/** Who reads a project: everyone, the owning alliance's members, or only those taking part. */
	public enum ProjectVisibility {
		PUBLIC, MEMBERS, PARTICIPANTS
	}

	/** Who reads an agreement or a shared resource. */
	public enum Visibility {
		PUBLIC, MEMBERS
	}

	public enum ParticipantRole {
		LEAD, PARTNER
	}

	/** An organisation is invited; it takes part once its representative accepts. */
	public enum ParticipantStatus {
		INVITED, ACCEPTED, DECLINED
	}

	public enum MilestoneStatus {
		PLANNED, IN_PROGRESS, DONE, DELAYED
	}

	/** A party to an agreement: an organisation or alliance of the network, or a body outside it (a city government). */
	public enum PartyKind {
		ORGANIZATION, ALLIANCE, OUTSIDE_BODY
	}

	public enum BaseStatus {
		PLANNED, ACTIVE, CLOSED
	}

	/** 专家, 仪器设备, 资金, 人才: equipment has a calendar that refuses overlapping bookings. */
	public enum ResourceKind {

		EXPERT, EQUIPMENT, FUND, TALENT;

		public boolean hasCalendar() {
			return this == EQUIPMENT;
		}
	}

	public enum RequestStatus {
		PENDING, APPROVED, DECLINED
	}

	public enum Decision {
		APPROVE, DECLINE
	}
}
