package org.alliancehub.governance;

/** A motion with where its vote stands, as the live meeting page shows it. */
public record MotionLine(MotionView motion, MotionResult result) {
}
