package org.alliancehub.shared;

/**
 * An object compared by identity, for keys made of objects that are replaced, never changed (a list of synonyms, a
 * batch's owner): two keys are equal only when they hold the very same object, whatever its own {@code equals} says.
 */
public record Same(Object of) {

	@Override
	public boolean equals(Object o) {
		return o instanceof Same s && s.of == of;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(of);
	}

}
