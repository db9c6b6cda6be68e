package org.alliancehub.shared;

/** Something the caller asked for does not exist, or exists but the caller may not see it. */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what);
	}
}
