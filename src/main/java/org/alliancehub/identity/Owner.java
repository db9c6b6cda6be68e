package org.alliancehub.identity;

import java.util.Set;

/**
 * An object addressed by an id, as the access policy sees it: the alliance that owns it (whose secretariat
 * manages it), and who else may read it. The network administrator may read and manage everything.
 *
 * @param allianceId the owning alliance (the network's own row for network-level objects)
 * @param readers who besides the owning secretariat may read the object
 * @param participants for {@link Readers#PARTICIPANTS}: whether one of the organisations the caller acts
 * for takes part (asked only when needed, so an owner of a meeting with a thousand participants is cheap)
 */
public record Owner(long allianceId, Readers readers, Participants participants) {

	/** Who, besides the owning alliance's secretariat and the network administrator, reads an object. */
	public enum Readers {
		/** anyone, signed in or not */
		PUBLIC,
		/** those who may read the owning alliance's members-only content */
		MEMBERS,
		/** the representatives of the organisations taking part (a meeting's participants, a survey's recipients) */
		PARTICIPANTS,
		/** nobody else */
		SECRETARIAT
	}

	/** Whether any of the given organisations takes part in the object. */
	@FunctionalInterface
	public interface Participants {

		boolean includesAny(Set<Long> organizationIds);

		Participants NONE = ids -> false;
	}

	public static Owner publicly(long allianceId) {
		return new Owner(allianceId, Readers.PUBLIC, Participants.NONE);
	}

	public static Owner members(long allianceId) {
		return new Owner(allianceId, Readers.MEMBERS, Participants.NONE);
	}

	public static Owner participants(long allianceId, Participants participants) {
		return new Owner(allianceId, Readers.PARTICIPANTS, participants);
	}

	public static Owner secretariat(long allianceId) {
		return new Owner(allianceId, Readers.SECRETARIAT, Participants.NONE);
	}
}
