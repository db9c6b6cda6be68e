package org.alliancehub.shared;

/** An upload whose content is of a kind the platform does not accept. */
public class UnsupportedType extends RuntimeException {

	public UnsupportedType(String message) {
		super(message);
	}
}
