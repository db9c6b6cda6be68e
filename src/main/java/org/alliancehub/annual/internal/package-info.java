/** Annual internals: the owner of the reports for the access policy, reminders, the network report's PDF and its jobs. */
@NullMarked
package org.alliancehub.annual.internal;

import org.jspecify.annotations.NullMarked;
