/**
 * Surveys of the members and the statistics, charts and reports made from their answers (产业基础资料调查、统计).
 */
// Allowed dependencies: what the code uses today; "web" from survey.web only: the pages use the web layer (Site, PageContext); the domain never imports it (WebLayerTests).
@ApplicationModule(allowedDependencies = { "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
