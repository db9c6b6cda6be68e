package org.alliancehub.shared;

/**
 * A signed-in person as pages greet them: by the name they are known by (化纤联盟秘书处), not their sign-in name. The
 * identity module's principal is one; the web layer reads it without depending on identity.
 */
public interface Greeted {

	/** The name to greet by; blank when there is none. */
	String displayName();

}
