/**
 * Technology transfer (技术转移): technology demands (技术需求) and research achievements (科技成果) posted by
 * member organisations, matched with the same Chinese analysis as the site search ({@code text}) plus field,
 * region and maturity, the interest one side expresses in a match, the other side's decision with a reason, and
 * the transfer an accepted match records. Matches are computed when asked, never stored.
 */
@ApplicationModule(allowedDependencies = { "collaboration", "identity", "membership", "network", "platform", "shared", "text", "web" })
@NullMarked
package org.alliancehub.transfer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
