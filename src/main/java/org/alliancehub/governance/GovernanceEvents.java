package org.alliancehub.governance;

import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.shared.DomainEvent;

public final class GovernanceEvents {

	private GovernanceEvents() {
	}

	public record MeetingScheduled(long id, Long allianceId, String title) implements DomainEvent {

		public String action() {
			return "meeting.scheduled";
		}

		public String subject() {
			return "meeting:" + id;
		}

		public String summary() {
			return "scheduled " + title;
		}
	}

	public record MotionOpened(long id, Long allianceId, String title) implements DomainEvent {

		public String action() {
			return "motion.opened";
		}

		public String subject() {
			return "motion:" + id;
		}

		public String summary() {
			return "opened the vote on «" + title + "»";
		}
	}

	public record MotionClosed(long id, Long allianceId, String title, MotionOutcome outcome, int yes, int no,
			int abstain) implements DomainEvent {

		public String action() {
			return "motion.closed";
		}

		public String subject() {
			return "motion:" + id;
		}

		public String summary() {
			return "closed «" + title + "»: " + outcome + " (" + yes + "/" + no + "/" + abstain + ")";
		}
	}

	public record MotionResultPublished(long id, Long allianceId, String visibility) implements DomainEvent {

		public String action() {
			return "motion.result-published";
		}

		public String subject() {
			return "motion:" + id;
		}

		public String summary() {
			return "published the result to " + visibility;
		}
	}

	public record CharterChanged(Long allianceId, String alliance) implements DomainEvent {

		public String action() {
			return "charter.changed";
		}

		public String subject() {
			return "charter:" + alliance;
		}

		public String summary() {
			return "changed the voting rules of the charter";
		}
	}

	public record ProxyRecorded(long meetingId, Long allianceId, long grantorId, long holderId) implements DomainEvent {

		public String action() {
			return "proxy.recorded";
		}

		public String subject() {
			return "meeting:" + meetingId;
		}

		public String summary() {
			return "recorded the written proxy of organisation " + grantorId + " to organisation " + holderId;
		}
	}

	public record ProxyWithdrawn(long meetingId, Long allianceId, long grantorId) implements DomainEvent {

		public String action() {
			return "proxy.withdrawn";
		}

		public String subject() {
			return "meeting:" + meetingId;
		}

		public String summary() {
			return "withdrew the written proxy of organisation " + grantorId;
		}
	}
}
