package org.alliancehub.content;

/** Who may read a piece of content: anyone, or only the alliance's members and secretariat. */
public enum Visibility {
	PUBLIC, MEMBERS
}
