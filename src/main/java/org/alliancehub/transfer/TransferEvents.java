package org.alliancehub.transfer;

import org.alliancehub.shared.DomainEvent;
import org.jspecify.annotations.Nullable;

/** What technology transfer tells the rest of the platform (the audit log, the page cache) and its own mail. */
public final class TransferEvents {

	private TransferEvents() {
	}

	/**
	 * A demand or an achievement was posted ({@code demand.posted}, {@code achievement.posted}), or a demand started
	 * its project. The site search re-reads the object its subject names ({@code demand:12}) and drops it when it is
	 * gone, so a later change or removal publishes this record too, with its own action.
	 */
	public record Posted(String action, Long allianceId, String subject, String summary) implements DomainEvent {
	}

	/** One side expressed interest in a match. */
	public record InterestExpressed(long interestId, @Nullable Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "interest.expressed";
		}

		@Override
		public String subject() {
			return "interest:" + interestId;
		}
	}

	/** The other side accepted or declined. */
	public record InterestDecided(long interestId, @Nullable Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "interest.decided";
		}

		@Override
		public String subject() {
			return "interest:" + interestId;
		}
	}

	/** An accepted match recorded its transfer. */
	public record TransferRecorded(long interestId, @Nullable Long allianceId, String summary) implements DomainEvent {

		@Override
		public String action() {
			return "transfer.recorded";
		}

		@Override
		public String subject() {
			return "interest:" + interestId;
		}
	}
}
