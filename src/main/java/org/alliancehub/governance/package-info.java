/**
 * Governance: meetings of an alliance or of the network (council, general assembly, secretariat
 * meeting), their participants as the membership roles make them, attendance, motions and votes with
 * quorum and majority rules, receipts and a hash-chained ballot log that members can verify.
 */
@ApplicationModule(allowedDependencies = { "content", "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
