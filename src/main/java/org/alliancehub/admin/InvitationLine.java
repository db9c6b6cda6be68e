package org.alliancehub.admin;

import org.alliancehub.membership.Invitation;

/** An invitation to join with the name of the alliance that sent it, as the back office lists it. */
public record InvitationLine(Invitation invitation, String allianceName) {

	public boolean pending() {
		return invitation.status() == Invitation.Status.PENDING;
	}
}
