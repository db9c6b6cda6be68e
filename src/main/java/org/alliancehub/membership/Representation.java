package org.alliancehub.membership;

import java.util.Set;

/**
 * Who acts for organisations and alliances, as the identity module knows it (implemented there, so that
 * membership needs no dependency on it): asked before an alliance takes in an organisation, and to know
 * which alliance a secretariat registers an organisation for.
 */
public interface Representation {

	/** Whether the signed-in caller is the network administrator. */
	boolean callerIsNetworkAdmin();

	/** The alliances whose secretariat the signed-in caller is. */
	Set<Long> callerSecretariatOf();

	/** Whether the signed-in caller acts in the organisation's name (its representative, or the administrator). */
	boolean callerActsFor(long organizationId);

	/** Whether anyone represents the organisation (holds MEMBER_REP for it) now. */
	boolean hasRepresentative(long organizationId);
}
