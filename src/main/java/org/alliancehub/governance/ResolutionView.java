package org.alliancehub.governance;

/**
 * A meeting's resolution. Until the secretariat saves one, {@code text} is drafted afresh from the closed
 * motions ({@code saved} false, {@code version} 0; the first save makes version 1); it is {@code editable} until the minutes are published.
 */
public record ResolutionView(long meetingId, String text, boolean saved, boolean editable, long version) {
}
