/**
 * The network's year (年度工作): the annual work reports every member alliance submits, drafted from its own
 * records, and the network's annual report compiled from them; and the activity score (活跃度) of each
 * alliance by the published, versioned formula. What an alliance did comes from the modules themselves
 * through {@link org.alliancehub.shared.ActivityFacts}, never from their tables.
 */
// "survey": its Typesetting face (the statistics report's Chinese PDF and charts); "web" from annual.web only.
@ApplicationModule(allowedDependencies = { "governance", "identity", "network", "platform", "shared", "survey", "web" })
@NullMarked
package org.alliancehub.annual;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
