package org.alliancehub.network;

/** Whether a body is an ordinary alliance or the network that federates alliances. */
public enum AllianceKind {
	NETWORK, ALLIANCE
}
