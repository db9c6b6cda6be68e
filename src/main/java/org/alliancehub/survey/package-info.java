/**
 * Surveys of the members and the statistics, charts and reports made from their answers (产业基础资料调查、统计).
 */
@NullMarked
package org.alliancehub.survey;

import org.jspecify.annotations.NullMarked;
