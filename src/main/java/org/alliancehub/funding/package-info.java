/**
 * The network's funding (经费): the plan for a year with its sources and planned amounts, the contributions due
 * per payer (an alliance or an organisation), approved by a BUDGET motion of the network through governance;
 * the statement of each payer, the payments the network records (bank transfer references, no gateway), the
 * reminders to those who have not paid in full, and the plan's execution (planned against received).
 */
@ApplicationModule(allowedDependencies = { "governance", "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.funding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
