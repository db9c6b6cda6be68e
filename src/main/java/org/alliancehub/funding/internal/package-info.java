/** Funding internals: the owners of plans and statements, the listener on motions, the reminders and the workbook. */
@NullMarked
package org.alliancehub.funding.internal;

import org.jspecify.annotations.NullMarked;
