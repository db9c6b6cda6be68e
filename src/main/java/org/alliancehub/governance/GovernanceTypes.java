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

	/**
	 * How many yes votes adopt a motion (see {@link Tally}). Strictness is a partial order, decided by
	 * implication: a majority is at least as strict as another when every count it adopts the other adopts
	 * too, whatever the attendance. So SIMPLE &lt; TWO_THIRDS &lt; THREE_QUARTERS, and SIMPLE &lt; ABSOLUTE;
	 * ABSOLUTE (half of all voting participants) and the fractions of those present cannot be compared,
	 * because which one asks more depends on how many came.
	 */
	public enum Majority {
		SIMPLE, TWO_THIRDS, ABSOLUTE, THREE_QUARTERS;

		/** Whether this majority asks at least as much as {@code minimum} for every possible attendance. */
		public boolean atLeastAsStrictAs(Majority minimum) {
			return this == minimum || minimum == SIMPLE || (minimum == TWO_THIRDS && this == THREE_QUARTERS);
		}
	}

	/**
	 * What a motion decides, which sets the majority a charter asks for it: an ordinary matter, the
	 * admission of a member, an election, the budget (经费), an amendment of the charter, or a group
	 * standard (团体标准), which its drafting organisations do not vote on.
	 */
	public enum MotionType {
		ORDINARY, ADMISSION, ELECTION, BUDGET, CHARTER_AMENDMENT, GROUP_STANDARD
	}

	/** Who votes in a correspondence vote (通讯表决): the voting participants of that kind of meeting. */
	public enum Electorate {
		COUNCIL, GENERAL_ASSEMBLY;

		public MeetingKind meetingKind() {
			return MeetingKind.valueOf(name());
		}
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
