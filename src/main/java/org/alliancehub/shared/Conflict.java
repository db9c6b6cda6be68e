package org.alliancehub.shared;

/** The request clashes with the current state: a duplicate key, a stale version, an action done twice. */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

	public static Conflict staleVersion(String what) {
		return new Conflict(what + " was changed by someone else; reload and try again");
	}
}
