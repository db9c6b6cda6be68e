package org.alliancehub.transfer;

/** The closed vocabularies of technology transfer; their names for users are in the message bundles. */
public final class TransferTypes {

	private TransferTypes() {
	}

	public enum Visibility {
		PUBLIC, MEMBERS
	}

	/** Technical fields; a match in the same field is ranked higher. */
	public enum Field {
		FLUID_MACHINERY, ENVIRONMENTAL, CHEMICAL_FIBRE, MATERIALS, ENERGY, MANUFACTURING, INFORMATION, OTHER
	}

	public enum IpStatus {
		GRANTED_PATENT, PENDING, KNOW_HOW, SOFTWARE
	}

	/** How an achievement may be transferred; also the type of a recorded transfer contract. */
	public enum TransferMode {
		LICENCE, ASSIGNMENT, JOINT_DEVELOPMENT, EQUITY
	}

	public enum InterestStatus {
		PENDING, ACCEPTED, DECLINED;

		public boolean isPending() {
			return this == PENDING;
		}

		public boolean isAccepted() {
			return this == ACCEPTED;
		}
	}

	public enum DeclineReason {
		TOO_EARLY, BENEFIT_UNCLEAR, NOT_RELEVANT, TERMS, OTHER
	}
}
