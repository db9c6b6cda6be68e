package org.alliancehub.governance;

/** The words of governance, as the glossary names them. */
public final class GovernanceTypes {

	private GovernanceTypes() {
	}

	/** 理事会 / 会员大会 / 秘书长办公会. */
	public enum MeetingKind {
		COUNCIL("理事会"), GENERAL_ASSEMBLY("会员大会"), SECRETARIAT("秘书长办公会");

		private final String chinese;

		MeetingKind(String chinese) {
			this.chinese = chinese;
		}

		/** The meeting's name as titles print it (content, stored with the meeting). */
		public String chinese() {
			return chinese;
		}
	}

	public enum MeetingMode {
		ONSITE, ONLINE, HYBRID
	}

	public enum AgendaKind {
		REPORT, MOTION, ELECTION, OTHER
	}

	/** Votes, or attends without a vote (列席). */
	public enum AttendanceRole {
		VOTING, OBSERVER
	}

	public enum Ballot {
		OPEN, SECRET
	}

	public enum Majority {
		SIMPLE, TWO_THIRDS, ABSOLUTE
	}

	public enum MotionStatus {
		DRAFT, OPEN, CLOSED
	}

	public enum MotionOutcome {
		ADOPTED, REJECTED, NO_QUORUM
	}

	public enum Choice {
		YES, NO, ABSTAIN
	}
}
