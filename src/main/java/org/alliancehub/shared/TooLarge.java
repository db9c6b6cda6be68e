package org.alliancehub.shared;

/** An upload larger than the platform accepts. */
public class TooLarge extends RuntimeException {

	public TooLarge(String message) {
		super(message);
	}
}
