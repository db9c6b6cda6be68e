/**
 * Standards internals: the workflow with its stages and trail, drafts and their differences, public comments
 * with their throttle and dispositions, the owners of the objects served by id, the listener that learns the
 * outcome of the motions, and the reminder before a comment period ends.
 */
@NullMarked
package org.alliancehub.standards.internal;

import org.jspecify.annotations.NullMarked;
