package org.alliancehub.governance;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.internal.Correspondence;
import org.alliancehub.governance.internal.NewCorrespondenceVote;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Correspondence votes (通讯表决) for other modules, with the caller's rights, as the API does: put one to the
 * council or the general assembly, cast the vote of the organisation the signed-in representative acts for, close
 * it. The result is computed here, by the charter's rules; {@link Meetings#motionFacts} reads it.
 */
@Service
public class CorrespondenceVotes {

	private final Correspondence correspondence;

	private final Ballots ballots;

	CorrespondenceVotes(Correspondence correspondence, Ballots ballots) {
		this.correspondence = correspondence;
		this.ballots = ballots;
	}

	/** An open ballot until {@code deadline}; answers the motion's id. */
	public long put(String slug, String title, @Nullable String text, MotionType type, Electorate electorate,
			OffsetDateTime deadline, List<Long> draftingOrganizationIds) {
		return correspondence.put(slug, new NewCorrespondenceVote(title, text, type, Ballot.OPEN, null, null, electorate,
				deadline, draftingOrganizationIds)).id();
	}

	/** The organisations that vote on it. */
	public List<Long> voters(long motionId) {
		return correspondence.voters(motionId);
	}

	public void cast(long motionId, Choice choice) {
		ballots.cast(motionId, choice, null);
	}

	public void close(long motionId) {
		ballots.close(motionId);
	}
}
