/**
 * Surveys of the members and the statistics, charts and reports made from their answers (产业基础资料调查、统计).
 */
// Allowed dependencies: what the code uses today; "web" only because survey.web.SurveyPages reads web.PageContext; it leaves with the web layer on top (issue 10, item 2).
@ApplicationModule(allowedDependencies = { "identity", "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
