package org.alliancehub.governance;

import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.governance.internal.MotionResult;
import org.alliancehub.governance.internal.MotionView;

/** A motion with where its vote stands, as the live meeting page shows it. */
public record MotionLine(MotionView motion, MotionResult result) {

	/** Not yet put to the vote: the secretariat may open it. */
	public boolean draft() {
		return motion.status() == MotionStatus.DRAFT;
	}

	/** The vote is open. */
	public boolean open() {
		return motion.status() == MotionStatus.OPEN;
	}

	/** The vote is closed: the result stands. */
	public boolean closed() {
		return motion.status() == MotionStatus.CLOSED;
	}
}
