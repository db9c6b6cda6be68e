package org.alliancehub.governance;

import org.alliancehub.governance.internal.MotionResult;
import org.alliancehub.governance.internal.MotionView;

/** A motion with where its vote stands, as the live meeting page shows it. */
public record MotionLine(MotionView motion, MotionResult result) {
}
