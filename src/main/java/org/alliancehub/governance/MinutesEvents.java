package org.alliancehub.governance;

import org.alliancehub.content.Visibility;
import org.alliancehub.shared.DomainEvent;

/** What happens to minutes; the search index and the audit log react to these. */
public final class MinutesEvents {

	private MinutesEvents() {
	}

	public record MinutesApproved(long meetingId, Long allianceId, String title, String approvedBy)
			implements DomainEvent {

		public String action() {
			return "minutes.approved";
		}

		public String subject() {
			return "meeting:" + meetingId;
		}

		public String summary() {
			return approvedBy + " approved the minutes of «" + title + "»";
		}
	}

	public record MinutesPublished(long meetingId, Long allianceId, String title, Visibility visibility)
			implements DomainEvent {

		public String action() {
			return "minutes.published";
		}

		public String subject() {
			return "meeting:" + meetingId;
		}

		public String summary() {
			return "published the " + visibility + " minutes of «" + title + "»";
		}
	}

	/** Published minutes went back to draft: they leave the site and the index. */
	public record MinutesWithdrawn(long meetingId, Long allianceId, String title) implements DomainEvent {

		public String action() {
			return "minutes.withdrawn";
		}

		public String subject() {
			return "meeting:" + meetingId;
		}

		public String summary() {
			return "withdrew the minutes of «" + title + "»";
		}
	}
}
