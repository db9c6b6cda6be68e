/**
 * The web layer on top of the domain: the layout and its site frame ({@link org.alliancehub.web.Sites},
 * {@link org.alliancehub.web.Site}, resolved once per request), the back office's navigation that the
 * modules contribute to ({@link org.alliancehub.web.BackOfficeEntries}), languages, the page cache, error
 * pages and problems. It reads the network's alliances; the modules' {@code web} packages use it, their
 * domain code never does ({@code WebLayerTests}).
 */
@ApplicationModule(allowedDependencies = { "network", "platform", "shared" })
@NullMarked
package org.alliancehub.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
