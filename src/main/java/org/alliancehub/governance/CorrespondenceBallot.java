package org.alliancehub.governance;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.jspecify.annotations.Nullable;

/**
 * The ballot of a correspondence vote (通讯表决) as the signed-in representative sees it: the motion, the
 * organisations it votes for (those it acts for among the voters, drafters of a group standard left out), whether
 * each has voted, and how many of the voters have voted so far (for a secret ballot too: the number is all it tells
 * until the vote closes).
 *
 * @param open whether votes are taken now: open, and its deadline not yet passed
 */
public record CorrespondenceBallot(long id, long allianceId, String title, @Nullable String text, Ballot ballot,
		Majority majority, @Nullable Electorate electorate, @Nullable OffsetDateTime deadline, List<Seat> seats,
		boolean open, int cast, int eligible) {

	/** An organisation the representative votes for, and whether its vote is in. */
	public record Seat(long organizationId, String name, boolean voted) {
	}

	/** The seats that have still to vote. */
	public List<Seat> waiting() {
		return seats.stream().filter(s -> !s.voted()).toList();
	}

	/** Whether the organisation's vote is in (with none named: the vote of every organisation it votes for). */
	public boolean voted(@Nullable Long organizationId) {
		return seats.stream().filter(s -> organizationId == null || s.organizationId() == organizationId).allMatch(Seat::voted);
	}

	public boolean secret() {
		return ballot == Ballot.SECRET;
	}
}
