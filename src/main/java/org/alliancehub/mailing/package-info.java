/**
 * Briefings by e-mail: visitors subscribe to an alliance's briefings with double opt-in, members'
 * representatives receive them too, and a mailing of an issue goes out through a durable outbox
 * ({@code mailing_outbox}) that a throttled sender works through, resuming after a crash or restart.
 * Every mail carries a one-click unsubscribe (RFC 8058).
 */
@ApplicationModule(allowedDependencies = { "content", "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.mailing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
