package org.alliancehub.standards;

import java.util.Set;

/**
 * Where a group standard stands: proposed, approved to start (立项), drafting, in its public comment period,
 * under expert review, put to the approval vote, published; a published standard is later amended, revised or
 * withdrawn, and one not yet published may be withdrawn.
 */
public enum StandardStage {
	PROPOSED, APPROVED_TO_START, DRAFTING, COMMENT, REVIEW, VOTE, PUBLISHED, AMENDED, REVISED, WITHDRAWN;

	/** The stages the secretariat moves a standard to by hand (the others follow from votes, drafts and dates). */
	public boolean canBecome(StandardStage next) {
		return switch (this) {
			case COMMENT -> next == REVIEW || next == WITHDRAWN;
			case REVIEW -> next == VOTE || next == DRAFTING || next == WITHDRAWN;
			case VOTE -> next == REVIEW || next == WITHDRAWN;
			case PUBLISHED, AMENDED, REVISED -> next == AMENDED || next == REVISED || next == WITHDRAWN;
			case PROPOSED, APPROVED_TO_START, DRAFTING -> next == WITHDRAWN;
			case WITHDRAWN -> false;
		};
	}

	/** Published and in force (possibly amended or revised since). */
	public boolean inForce() {
		return this == PUBLISHED || this == AMENDED || this == REVISED;
	}

	/** Stages in which the drafting group works on drafts. */
	public static final Set<StandardStage> DRAFTING_STAGES = Set.of(APPROVED_TO_START, DRAFTING, REVIEW, VOTE);
}
