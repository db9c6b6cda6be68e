/**
 * Collaboration between the network's alliances and their members: joint projects (联合攻关项目) with
 * participants who join by accepting, work packages and milestones, budgets and progress reports; strategic
 * cooperation agreements and the demonstration bases they set up; and shared resources (experts, equipment,
 * funds, talent programmes) that members request and the owning organisation approves or declines.
 * Technology demands, achievements and their matching (issue 11, items 4 and 5) are to come as a module of
 * their own that refers to projects by id ({@link org.alliancehub.collaboration.Projects#summary(long)}).
 */
@ApplicationModule(allowedDependencies = { "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.collaboration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
