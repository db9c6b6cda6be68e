/**
 * Group standards (团体标准) of an alliance, from proposal to publication and later amendment, revision or
 * withdrawal: the proposal and its approval to start (立项) by a governance motion of type GROUP_STANDARD, the
 * drafting group, drafts with versions and the differences between them, the public comment period in which
 * anyone comments and every comment receives a disposition, expert review, the approval vote (again a
 * governance motion) and publication with number, dates and the final PDF. Every change of stage is kept with
 * who, when and why. Other modules name a standard by its number ({@link org.alliancehub.standards.Standards#byNumber}).
 */
@ApplicationModule(allowedDependencies = { "collaboration", "governance", "identity", "membership", "network", "platform",
		"shared", "web" })
@NullMarked
package org.alliancehub.standards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
